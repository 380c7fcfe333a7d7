package io.relais.contract.process;

import java.time.Instant;

/**
 * A recurring procedure ("Relances : chaque lundi") reached one of its occurrences: the task {@code taskId} is
 * opened for it. The id is derived from the procedure and the occurrence, so an occurrence opens one task
 * however often it is delivered.
 *
 * @param occurrenceAt when the occurrence was due by the schedule
 * @param firedAt      when the scheduler actually fired it
 * @param late         fired noticeably after it was due (the service was down): a missed occurrence, caught up
 */
public record ProcessOccurrenceDue(String processId, int version, Instant occurrenceAt, String taskId,
                                   Instant firedAt, boolean late) {
}
