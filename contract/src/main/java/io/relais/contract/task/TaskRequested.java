package io.relais.contract.task;

import java.time.Instant;

/**
 * An internal employee asked the back office for a piece of work.
 *
 * @param taskId      the task's id, also the Kafka key and the CloudEvents subject
 * @param type        the kind of work (invoicing, payment reminder, CRM update, ...), upper case
 * @param requestedAt when the command side accepted the request
 */
public record TaskRequested(String taskId, String title, String type, TaskPriority priority, Instant requestedAt) {
}
