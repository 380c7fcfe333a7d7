package io.relais.contract.task;

import io.relais.contract.personal.Personal;
import java.time.Instant;

/** Internal satisfaction, 0 to 10 (promoters 9-10, detractors 0-6). */
public record TaskRated(String taskId, int rating, @Personal String comment, String ratedBy, Instant ratedAt) {
}
