package io.relais.query.task;

import io.relais.contract.task.ChecklistResult;
import io.relais.query.personal.PersonalData;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads for the API. A task and its timeline are read in one snapshot, so that the timeline ends exactly at the
 * task's version even while events are being applied.
 */
@Service
class TaskReader {

    private final TaskRepository tasks;
    private final TaskTimeline timeline;
    private final PersonalData personalData;

    private final BoardRepository board;
    private final Clock clock;

    TaskReader(TaskRepository tasks, TaskTimeline timeline, PersonalData personalData, BoardRepository board,
               Clock clock) {
        this.tasks = tasks;
        this.timeline = timeline;
        this.personalData = personalData;
        this.board = board;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<TaskView> list(TaskVisibility visibility, TaskFilter filter, int limit) {
        PersonalData.Reader personal = personalData.reader();
        return tasks.list(visibility, filter, limit).stream().map(view -> reveal(view, personal)).toList();
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<TaskDetail> detail(UUID taskId, TaskVisibility visibility) {
        PersonalData.Reader personal = personalData.reader();
        return tasks.find(taskId, visibility)
                .map(task -> new TaskDetail(reveal(task, personal), board.line(taskId, visibility)
                        .map(line -> BoardReader.sla(line, task, clock.instant())).orElse(null),
                        reveal(timeline.of(taskId), personal)));
    }

    /** Empty when the task does not exist or the caller may not see it: the same rule as the task itself. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<List<TimelineEntry>> timeline(UUID taskId, TaskVisibility visibility) {
        PersonalData.Reader personal = personalData.reader();
        return tasks.find(taskId, visibility).map(task -> reveal(timeline.of(taskId), personal));
    }

    /** Projections keep the envelopes as published; personal fields are opened (or shown erased) only here. */
    static TaskView reveal(TaskView view, PersonalData.Reader personal) {
        return new TaskView(view.taskId(), personal.reveal(view.title(), "title"), personal.reveal(view.description(), "description"), view.type(), view.priority(), view.status(), view.statusBeforeHold(), view.processId(), view.processVersion(), view.confidentiality(), view.slaPolicy(), view.calendar(), view.dueAt(), view.requestedBy(), view.requesterOrganisation(), view.requestedAt(), view.assignedAgent(), view.assignedOrganisation(), view.engagementId(), view.assignedAt(), view.startedAt(), view.completedAt(), view.timeSpentMinutes(), view.checklist() == null ? null : view.checklist().stream().map(item -> new ChecklistResult(item.item(), item.passed(), personal.reveal(item.note(), "note"))).toList(), view.approvedAt(), view.reworkCount(), view.escalated(), view.escalationCount(), view.cancelledAt(), view.rating(), view.incidentCount(), view.resources(), view.lastEventAt(), view.version());
    }

    private static List<TimelineEntry> reveal(List<TimelineEntry> entries, PersonalData.Reader personal) {
        return entries.stream().map(entry -> new TimelineEntry(entry.sequence(), entry.type(), entry.eventId(),
                entry.actor(), entry.actorRoles(), entry.actorOrganisation(), entry.correlationId(), entry.occurredAt(),
                personal.reveal(entry.details()))).toList();
    }
}
