package io.relais.contract.task;

import java.time.Instant;

/** The internal referent validated the result ("validation finale"): the task is closed. */
public record TaskApproved(String taskId, String approvedBy, Instant approvedAt) {
}
