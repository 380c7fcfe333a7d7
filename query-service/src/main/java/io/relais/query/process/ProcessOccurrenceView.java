package io.relais.query.process;

import java.time.Instant;
import java.util.UUID;

/**
 * An occurrence of a recurring procedure and the task it opened.
 *
 * @param occurrenceAt when it was due by the schedule (the task's SLA runs from here)
 * @param version      the procedure version in force when it fired
 * @param firedAt      when the command side's persistent scheduler fired it
 * @param late         fired noticeably after it was due (a missed occurrence, caught up after an outage)
 */
public record ProcessOccurrenceView(Instant occurrenceAt, int version, UUID taskId, Instant firedAt, boolean late) {
}
