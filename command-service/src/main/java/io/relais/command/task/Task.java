package io.relais.command.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.relais.command.task.TaskCommands.ApproveTask;
import io.relais.command.task.TaskCommands.AssignTask;
import io.relais.command.task.TaskCommands.FlagTaskAccessLost;
import io.relais.command.task.TaskCommands.CancelTask;
import io.relais.command.task.TaskCommands.CompleteTask;
import io.relais.command.task.TaskCommands.EscalateTask;
import io.relais.command.task.TaskCommands.PutTaskOnHold;
import io.relais.command.task.TaskCommands.RateTask;
import io.relais.command.task.TaskCommands.ReportIncident;
import io.relais.command.task.TaskCommands.ReprioritizeTask;
import io.relais.command.task.TaskCommands.RequestRework;
import io.relais.command.task.TaskCommands.RequestTask;
import io.relais.command.task.TaskCommands.ResumeTask;
import io.relais.command.task.TaskCommands.StartTask;
import io.relais.contract.actor.Actor;
import io.relais.contract.actor.Role;
import io.relais.contract.task.IncidentReported;
import io.relais.contract.task.TaskApproved;
import io.relais.contract.task.TaskAccessLost;
import io.relais.contract.task.TaskAssigned;
import io.relais.contract.task.TaskCancelled;
import io.relais.contract.task.TaskCompleted;
import io.relais.contract.task.TaskEscalated;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskPutOnHold;
import io.relais.contract.task.TaskRated;
import io.relais.contract.task.TaskReprioritized;
import io.relais.contract.task.TaskRequested;
import io.relais.contract.task.TaskResumed;
import io.relais.contract.task.TaskReworkRequested;
import io.relais.contract.task.TaskStarted;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A piece of back-office work and its lifecycle (product brief §2). Command handlers check, in this order,
 * that the caller may see the task (else it "does not exist"), that the state allows the action (else 409
 * naming the state and what is allowed), then the action's own rules; only then is an event applied.
 * Event-sourcing handlers only rebuild state.
 */
@Aggregate
public class Task {

    @AggregateIdentifier
    private String taskId;
    private TaskStatus status;
    private TaskStatus statusBeforeHold;
    private TaskPriority priority;
    private String requester;
    private String assignedAgent;
    private String assignedOrganisation;
    private boolean rated;
    private List<String> requiredResources = List.of();

    protected Task() {
        // rebuilt from its events by Axon
    }

    @CommandHandler
    public Task(RequestTask command) {
        apply(new TaskRequested(command.taskId(), command.title(), command.description(), command.type(),
                command.priority(), command.processId(), command.processVersion(), command.actor().name(),
                command.confidentiality(), command.slaPolicy(), command.calendar(), command.dueAt(), command.at(),
                command.resources()));
    }

    @CommandHandler
    TaskStatus handle(AssignTask command) {
        check(command.actor(), TaskAction.ASSIGN);
        if (command.agent().equals(assignedAgent)) {
            throw new TaskRuleViolated("Task " + taskId + " is already assigned to " + assignedAgent);
        }
        List<String> missing = requiredResources.stream()
                .filter(resource -> !command.agentResources().contains(resource)).toList();
        if (!missing.isEmpty()) {
            throw new MissingAccess(taskId, command.agent(), missing);
        }
        apply(new TaskAssigned(taskId, command.agent(), command.providerOrganisation(), command.engagementId(),
                command.actor().name(), command.at()));
        return status;
    }

    @CommandHandler
    TaskStatus handle(StartTask command) {
        check(command.actor(), TaskAction.START);
        requireAssignedAgent(command.actor());
        apply(new TaskStarted(taskId, command.actor().name(), command.at()));
        return status;
    }

    @CommandHandler
    TaskStatus handle(PutTaskOnHold command) {
        check(command.actor(), TaskAction.PUT_ON_HOLD);
        apply(new TaskPutOnHold(taskId, command.reason(), command.at()));
        return status;
    }

    @CommandHandler
    TaskStatus handle(ResumeTask command) {
        check(command.actor(), TaskAction.RESUME);
        apply(new TaskResumed(taskId, command.at()));
        return status;
    }

    @CommandHandler
    TaskStatus handle(CompleteTask command) {
        check(command.actor(), TaskAction.COMPLETE);
        requireAssignedAgent(command.actor());
        apply(new TaskCompleted(taskId, command.timeSpentMinutes(), command.checklist(), command.actor().name(),
                command.at()));
        return status;
    }

    @CommandHandler
    TaskStatus handle(ApproveTask command) {
        check(command.actor(), TaskAction.APPROVE);
        apply(new TaskApproved(taskId, command.actor().name(), command.at()));
        return status;
    }

    @CommandHandler
    TaskStatus handle(RequestRework command) {
        check(command.actor(), TaskAction.REQUEST_REWORK);
        apply(new TaskReworkRequested(taskId, command.reason(), command.actor().name(), command.at()));
        return status;
    }

    @CommandHandler
    TaskStatus handle(EscalateTask command) {
        check(command.actor(), TaskAction.ESCALATE);
        apply(new TaskEscalated(taskId, command.reason(), command.actor().name(), command.at()));
        return status;
    }

    @CommandHandler
    TaskStatus handle(ReprioritizeTask command) {
        check(command.actor(), TaskAction.REPRIORITIZE);
        if (command.priority() == priority) {
            throw new TaskRuleViolated("Task " + taskId + " already has priority " + priority);
        }
        apply(new TaskReprioritized(taskId, priority, command.priority(), command.actor().name(), command.at()));
        return status;
    }

    @CommandHandler
    TaskStatus handle(CancelTask command) {
        check(command.actor(), TaskAction.CANCEL);
        apply(new TaskCancelled(taskId, command.reason(), command.actor().name(), command.at()));
        return status;
    }

    @CommandHandler
    TaskStatus handle(RateTask command) {
        check(command.actor(), TaskAction.RATE);
        if (!command.actor().name().equals(requester)) {
            throw new TaskRuleViolated("Only the requester of task " + taskId + " may rate it");
        }
        if (rated) {
            throw new TaskRuleViolated("Task " + taskId + " has already been rated");
        }
        apply(new TaskRated(taskId, command.rating(), command.comment(), command.actor().name(), command.at()));
        return status;
    }

    @CommandHandler
    TaskStatus handle(ReportIncident command) {
        check(command.actor(), TaskAction.REPORT_INCIDENT);
        apply(new IncidentReported(taskId, command.incidentId(), command.kind(), command.severity(),
                command.description(), command.actor().name(), command.at()));
        return status;
    }

    /**
     * The assigned agent lost a resource the task needs: flag it for the approver. A task already closed, or since
     * reassigned to someone else, has nothing to flag; that is not an error (the reaction must not fail the
     * revocation that caused it).
     */
    @CommandHandler
    void handle(FlagTaskAccessLost command) {
        if (status == TaskStatus.APPROVED || status == TaskStatus.CANCELLED
                || !command.agent().equals(assignedAgent) || !requiredResources.contains(command.resource())) {
            return;
        }
        apply(new TaskAccessLost(taskId, command.agent(), command.resource(), command.grantId(), command.reason(),
                command.at()));
    }

    /** Visibility first, so that a task the caller may not see never reveals its state. */
    private void check(Actor actor, TaskAction action) {
        if (!visibleTo(actor)) {
            throw new TaskNotVisible(taskId);
        }
        if (!status.allows(action)) {
            throw new TaskActionNotAllowed(taskId, action, status);
        }
    }

    private boolean visibleTo(Actor actor) {
        return actor.has(Role.APPROVER) || actor.has(Role.ADMIN) || actor.has(Role.AUDITOR)
                || (actor.has(Role.REQUESTER) && actor.name().equals(requester))
                || (actor.has(Role.AGENT) && actor.organisation() != null
                        && actor.organisation().equals(assignedOrganisation));
    }

    private void requireAssignedAgent(Actor actor) {
        if (!Objects.equals(actor.name(), assignedAgent)) {
            throw new TaskRuleViolated("Task " + taskId + " is assigned to " + assignedAgent + ", not to "
                    + actor.name());
        }
    }

    @EventSourcingHandler
    void on(TaskRequested event) {
        taskId = event.taskId();
        status = TaskStatus.REQUESTED;
        priority = event.priority();
        requester = event.requester();
        requiredResources = event.resources();
    }

    @EventSourcingHandler
    void on(TaskAssigned event) {
        status = TaskStatus.ASSIGNED;
        assignedAgent = event.agent();
        assignedOrganisation = event.providerOrganisation();
    }

    @EventSourcingHandler
    void on(TaskStarted event) {
        status = TaskStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(TaskPutOnHold event) {
        statusBeforeHold = status;
        status = TaskStatus.ON_HOLD;
    }

    @EventSourcingHandler
    void on(TaskResumed event) {
        status = statusBeforeHold;
        statusBeforeHold = null;
    }

    @EventSourcingHandler
    void on(TaskCompleted event) {
        status = TaskStatus.DONE;
    }

    @EventSourcingHandler
    void on(TaskApproved event) {
        status = TaskStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(TaskReworkRequested event) {
        status = TaskStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(TaskReprioritized event) {
        priority = event.to();
    }

    @EventSourcingHandler
    void on(TaskCancelled event) {
        status = TaskStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(TaskRated event) {
        rated = true;
    }

    TaskStatus status() {
        return status;
    }
}
