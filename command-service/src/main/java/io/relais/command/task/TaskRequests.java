package io.relais.command.task;

import io.relais.command.access.AccessRegistry;
import io.relais.command.engagement.EngagementRegistry;
import io.relais.command.process.ProcessCatalog;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskPriority;
import io.relais.websupport.security.ActorResolver;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * Turns what a caller asked into a complete command: the actor from authentication, the instant from the
 * clock, the SOP version, SLA policy and deadline from the catalogue and the calendar, the provider from
 * the engagement registry. Everything the aggregate needs is resolved here, so the aggregate does no I/O.
 */
@Service
public class TaskRequests {

    private final CommandGateway commands;
    private final ActorResolver actors;
    private final Clock clock;
    private final Supplier<UUID> taskIds;
    private final ProcessCatalog processes;
    private final EngagementRegistry engagements;
    private final SlaDeadlines deadlines;
    private final AccessRegistry access;

    TaskRequests(CommandGateway commands, ActorResolver actors, Clock clock, Supplier<UUID> taskIds,
                 ProcessCatalog processes, EngagementRegistry engagements, SlaDeadlines deadlines,
                 AccessRegistry access) {
        this.commands = commands;
        this.actors = actors;
        this.clock = clock;
        this.taskIds = taskIds;
        this.processes = processes;
        this.engagements = engagements;
        this.deadlines = deadlines;
        this.access = access;
    }

    String request(TaskBodies.RequestTaskBody body) {
        return request(body, taskIds.get());
    }

    /**
     * The same request under an id the caller chose (the Notion import derives it from the row, so that importing
     * the same export twice finds the task it created the first time). The id must be new.
     */
    public String request(TaskBodies.RequestTaskBody body, UUID id) {
        Instant now = clock.instant();
        String taskId = id.toString();
        String type;
        String processId = null;
        int processVersion = 0;
        List<String> resources = List.of();
        String slaPolicy;
        if (body.processId() != null) {
            var process = processes.inForce(body.processId().toString()).orElseThrow(() ->
                    new InvalidTaskRequest("'processId' names no procedure in force: " + body.processId()));
            if (body.type() != null && !normalised(body.type()).equals(process.taskType())) {
                throw new InvalidTaskRequest("'type' " + normalised(body.type()) + " differs from the procedure's task type "
                        + process.taskType() + "; leave it out");
            }
            if (body.slaPolicy() != null) {
                throw new InvalidTaskRequest("'slaPolicy' comes from the procedure; leave it out");
            }
            type = process.taskType();
            processId = process.processId();
            processVersion = process.version();
            slaPolicy = process.slaPolicy();
            resources = process.resources();
        } else {
            if (body.type() == null) {
                throw new InvalidTaskRequest("'type' is required when no 'processId' is given");
            }
            type = normalised(body.type());
            slaPolicy = body.slaPolicy() != null ? body.slaPolicy() : deadlines.defaultPolicy();
        }
        var calendar = deadlines.calendar();
        commands.sendAndWait(new TaskCommands.RequestTask(taskId, body.title().strip(), body.description(), type,
                body.priority() == null ? TaskPriority.NORMAL : body.priority(), processId, processVersion,
                body.confidentiality() == null ? Confidentiality.INTERNAL : body.confidentiality(), slaPolicy, calendar,
                deadlines.dueAt(slaPolicy, calendar, now), resources, actors.require(), now));
        return taskId;
    }

    TaskStatus assign(UUID taskId, TaskBodies.AssignBody body) {
        var engagement = (body.engagementId() != null
                ? engagements.active(body.engagementId().toString()) : engagements.activeFor(body.agent()))
                .filter(active -> active.agents().contains(body.agent()))
                .orElseThrow(() -> new TaskRuleViolated("Agent " + body.agent()
                        + " works under no active engagement" + (body.engagementId() == null ? "" : " " + body.engagementId())));
        Instant now = clock.instant();
        return send(new TaskCommands.AssignTask(taskId.toString(), body.agent(), engagement.providerOrganisation(),
                engagement.engagementId(), access.activeResources(body.agent(), now), actors.require(), now));
    }

    TaskStatus send(Object command) {
        return commands.sendAndWait(command);
    }

    Instant now() {
        return clock.instant();
    }

    ActorResolver actors() {
        return actors;
    }

    private static String normalised(String type) {
        return type.strip().toUpperCase(Locale.ROOT);
    }
}
