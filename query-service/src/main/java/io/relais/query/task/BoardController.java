package io.relais.query.task;

import io.relais.contract.task.TaskPriority;
import io.relais.websupport.problem.ProblemTypes;
import io.relais.websupport.problem.Problems;
import io.relais.websupport.security.ActorResolver;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The "Back-office Ops" board of seed 004: one line per task with its SLA verdict, SOP, owner, checklist and
 * figures, among the tasks the caller may see.
 */
@RestController
@RequestMapping("/api/board")
class BoardController {

    static final int MAX_LIMIT = 200;

    private final BoardReader board;
    private final ActorResolver actors;

    BoardController(BoardReader board, ActorResolver actors) {
        this.board = board;
        this.actors = actors;
    }

    /**
     * Repeat {@code status}, {@code priority} and {@code sla} to match any of several values. {@code from}/{@code to}
     * bound the request instant ({@code to} excluded). {@code sort} defaults to {@code REQUESTED_AT}, each sort with
     * its natural direction unless {@code direction} says otherwise. The answer's {@code nextCursor}, passed back as
     * {@code cursor} with the same sort and direction, gives the next page.
     */
    @GetMapping
    BoardAnswer board(@RequestParam Optional<List<TaskStatus>> status,
                      @RequestParam Optional<String> type,
                      @RequestParam Optional<List<TaskPriority>> priority,
                      @RequestParam Optional<String> provider,
                      @RequestParam Optional<String> owner,
                      @RequestParam Optional<List<BoardSlaState>> sla,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> from,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> to,
                      @RequestParam(defaultValue = "REQUESTED_AT") BoardSort sort,
                      @RequestParam Optional<Direction> direction,
                      @RequestParam Optional<String> cursor,
                      @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_LIMIT) int limit) {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw invalid("from must be before to");
        }
        boolean descending = direction.map(d -> d == Direction.DESC).orElse(sort.descendingByDefault);
        Optional<BoardCursor> after = cursor.filter(c -> !c.isBlank()).map(c -> {
            BoardCursor decoded;
            try {
                decoded = BoardCursor.decode(c.trim());
            } catch (IllegalArgumentException malformed) {
                throw invalid(malformed.getMessage());
            }
            if (decoded.sort() != sort || decoded.descending() != descending) {
                throw invalid("the cursor belongs to sort " + decoded.sort() + " "
                        + (decoded.descending() ? "DESC" : "ASC") + ": pass the same sort and direction");
            }
            return decoded;
        });
        BoardQuery query = new BoardQuery(set(status, TaskStatus.class),
                type.filter(t -> !t.isBlank()).map(t -> t.trim().toUpperCase(Locale.ROOT)),
                set(priority, TaskPriority.class), nonBlank(provider), nonBlank(owner), set(sla, BoardSlaState.class),
                from, to, sort, descending, after, limit);
        BoardPage<BoardRow> page = board.page(TaskVisibility.of(actors.require()), query);
        return new BoardAnswer(page.items(), page.next() == null ? null : page.next().encode(), sort,
                descending ? Direction.DESC : Direction.ASC);
    }

    enum Direction { ASC, DESC }

    /** A page: its lines, the cursor of the next page (null on the last), the order it follows. */
    record BoardAnswer(List<BoardRow> items, String nextCursor, BoardSort sort, Direction direction) {
    }

    static <E extends Enum<E>> Set<E> set(Optional<List<E>> values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        values.ifPresent(list -> list.stream().filter(java.util.Objects::nonNull).forEach(set::add));
        return set;
    }

    static Optional<String> nonBlank(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).map(String::trim);
    }

    static ErrorResponseException invalid(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST,
                ProblemTypes.INVALID_REQUEST, "Invalid request", detail), null);
    }
}
