package io.relais.command.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.relais.contract.task.TaskRequested;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A piece of back-office work. The command handlers decide and emit events; the event-sourcing handlers
 * only rebuild state, so replaying the stream always yields the same task.
 */
@Aggregate
public class Task {

    @AggregateIdentifier
    private String taskId;
    private TaskStatus status;

    protected Task() {
        // rebuilt from its events by Axon
    }

    @CommandHandler
    public Task(RequestTask command) {
        apply(new TaskRequested(command.taskId(), command.title(), command.type(), command.priority(),
                command.requestedAt()));
    }

    @EventSourcingHandler
    void on(TaskRequested event) {
        this.taskId = event.taskId();
        this.status = TaskStatus.REQUESTED;
    }

    TaskStatus status() {
        return status;
    }
}
