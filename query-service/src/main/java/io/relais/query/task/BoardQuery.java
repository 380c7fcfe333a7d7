package io.relais.query.task;

import io.relais.contract.task.TaskPriority;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What the board shows: filters (an empty set or an empty optional matches everything; sets match any of their
 * values), the order, where the page starts and how long it is.
 *
 * @param from  requested at or after
 * @param to    requested before
 * @param after the position after which this page starts (a previous page's {@code nextCursor})
 */
record BoardQuery(Set<TaskStatus> statuses, Optional<String> type, Set<TaskPriority> priorities,
                  Optional<String> provider, Optional<String> owner, Set<BoardSlaState> slaStates,
                  Optional<Instant> from, Optional<Instant> to, BoardSort sort, boolean descending,
                  Optional<BoardCursor> after, int limit) {
}
