package io.relais.query.task;

import io.relais.contract.process.Procedure;
import io.relais.contract.task.ChecklistResult;
import io.relais.query.personal.PersonalData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The board's lines as the API serves them: personal fields opened, SLA time left as of the clock's now. */
@Service
class BoardReader {

    private static final Set<BoardSlaState> RUNNING = Set.of(BoardSlaState.ON_TRACK, BoardSlaState.AT_RISK,
            BoardSlaState.BREACHED);

    private final BoardRepository board;
    private final PersonalData personalData;
    private final Clock clock;

    BoardReader(BoardRepository board, PersonalData personalData, Clock clock) {
        this.board = board;
        this.personalData = personalData;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public BoardPage<BoardRow> page(TaskVisibility visibility, BoardQuery query) {
        PersonalData.Reader personal = personalData.reader();
        Instant now = clock.instant();
        BoardPage<BoardRepository.Line> page = board.page(visibility, query);
        return new BoardPage<>(page.items().stream().map(line -> row(line, TaskReader.reveal(line.task(), personal),
                now)).toList(), page.next());
    }

    static BoardRow.Sla sla(BoardRepository.Line line, TaskView task, Instant now) {
        Long remaining = line.due() != null && RUNNING.contains(line.slaState())
                ? Duration.between(now, line.due()).getSeconds() : null;
        return new BoardRow.Sla(task.slaPolicy(), line.due(), remaining, line.slaState());
    }

    static BoardRow row(BoardRepository.Line line, TaskView task, Instant now) {
        Procedure procedure = line.procedure();
        List<ChecklistResult> results = task.checklist() == null ? List.of() : task.checklist();
        BoardRow.Sop sop = task.processId() == null ? null : new BoardRow.Sop(task.processId(), task.processVersion(),
                line.sopTitle(), "/api/processes/" + task.processId() + "/versions/" + task.processVersion());
        return new BoardRow(task.taskId(), task.title(), task.type(), task.priority(), task.status(),
                sla(line, task, now),
                new BoardRow.Recurrence(line.occurrenceAt() != null, line.occurrenceAt()),
                new BoardRow.Owner(task.assignedAgent(), task.assignedOrganisation(), task.requestedBy()),
                sop,
                new BoardRow.Checklist(procedure == null ? List.of() : procedure.qualityChecks(), results,
                        (int) results.stream().filter(ChecklistResult::passed).count(), results.size()),
                new BoardRow.Figures(task.timeSpentMinutes(), task.reworkCount(), task.incidentCount(), task.rating(),
                        task.escalated(), procedure == null ? List.of() : procedure.kpis()),
                task.requestedAt(), task.lastEventAt(), task.version());
    }
}
