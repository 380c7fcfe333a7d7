package io.relais.command.task;

import io.relais.contract.task.TaskPriority;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask the back office for a piece of work. {@code requestedAt} comes from the service clock, not the caller. */
public record RequestTask(@TargetAggregateIdentifier String taskId, String title, String type, TaskPriority priority,
                          Instant requestedAt) {
}
