package io.relais.command.task;

import io.relais.contract.actor.Actor;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.ChecklistResult;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.IncidentKind;
import io.relais.contract.task.IncidentSeverity;
import io.relais.contract.task.TaskPriority;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The task commands. Each carries the authenticated actor and the instant it was accepted (from the service
 * clock): the aggregate decides with them but never reads a clock or a security context itself.
 */
public final class TaskCommands {

    private TaskCommands() {
    }

    /** Everything about the request is resolved before it reaches the aggregate: SOP version, policy, deadline. */
    public record RequestTask(@TargetAggregateIdentifier String taskId, String title, String description, String type,
                              TaskPriority priority, String processId, int processVersion, Confidentiality confidentiality,
                              String slaPolicy, CalendarSpec calendar, Instant dueAt, List<String> resources,
                              Actor actor, Instant at) {
    }

    /** @param agentResources the resources the agent holds active grants for at {@code at} (from the access registry) */
    public record AssignTask(@TargetAggregateIdentifier String taskId, String agent, String providerOrganisation,
                             String engagementId, Set<String> agentResources, Actor actor, Instant at) {
    }

    /** A grant the assigned agent held for {@code resource} ended; no caller needed (a reaction of the command side). */
    public record FlagTaskAccessLost(@TargetAggregateIdentifier String taskId, String agent, String resource,
                                     String grantId, String reason, Instant at) {
    }

    public record StartTask(@TargetAggregateIdentifier String taskId, Actor actor, Instant at) {
    }

    public record PutTaskOnHold(@TargetAggregateIdentifier String taskId, String reason, Actor actor, Instant at) {
    }

    public record ResumeTask(@TargetAggregateIdentifier String taskId, Actor actor, Instant at) {
    }

    public record CompleteTask(@TargetAggregateIdentifier String taskId, int timeSpentMinutes,
                               List<ChecklistResult> checklist, Actor actor, Instant at) {
    }

    public record ApproveTask(@TargetAggregateIdentifier String taskId, Actor actor, Instant at) {
    }

    public record RequestRework(@TargetAggregateIdentifier String taskId, String reason, Actor actor, Instant at) {
    }

    public record EscalateTask(@TargetAggregateIdentifier String taskId, String reason, Actor actor, Instant at) {
    }

    public record ReprioritizeTask(@TargetAggregateIdentifier String taskId, TaskPriority priority, Actor actor,
                                   Instant at) {
    }

    public record CancelTask(@TargetAggregateIdentifier String taskId, String reason, Actor actor, Instant at) {
    }

    public record RateTask(@TargetAggregateIdentifier String taskId, int rating, String comment, Actor actor,
                           Instant at) {
    }

    public record ReportIncident(@TargetAggregateIdentifier String taskId, String incidentId, IncidentKind kind,
                                 IncidentSeverity severity, String description, Actor actor, Instant at) {
    }
}
