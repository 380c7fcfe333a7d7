package io.relais.command.access;

import io.relais.command.access.AccessCommands.RevokeAccess;
import io.relais.command.task.TaskCommands.FlagTaskAccessLost;
import io.relais.contract.access.AccessExpired;
import io.relais.contract.access.AccessRevoked;
import io.relais.contract.engagement.EngagementEnded;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * What other facts an access fact causes, decided in the same transaction (SUBSCRIBING group
 * {@value JdbcAccessRegistry#PROCESSING_GROUP}), so that they hold together or not at all:
 * <ul>
 *   <li>an engagement's end revokes every grant that hangs on it, each with its own {@code AccessRevoked} and reason
 *       (reversibility: the provider's access ends with the contract);</li>
 *   <li>a grant's end flags each open task whose assigned agent thereby lost a resource the task's SOP requires
 *       ({@code TaskAccessLost}, which the approver sees in the task's timeline).</li>
 * </ul>
 */
@Component
@ProcessingGroup(JdbcAccessRegistry.PROCESSING_GROUP)
class AccessReactions {

    private final CommandGateway commands;
    private final AccessRegistry registry;

    AccessReactions(CommandGateway commands, AccessRegistry registry) {
        this.commands = commands;
        this.registry = registry;
    }

    @EventHandler
    void on(EngagementEnded event) {
        String reason = "Engagement " + event.engagementId() + " ended: " + event.reason();
        for (String grantId : registry.activeGrantsOfEngagement(event.engagementId())) {
            commands.sendAndWait(new RevokeAccess(grantId, reason, event.endedBy(), event.endedAt()));
        }
    }

    @EventHandler
    void on(AccessRevoked event) {
        flagTasksLeftWithout(event.principal(), event.resource(), event.grantId(), event.reason(), event.revokedAt());
    }

    @EventHandler
    void on(AccessExpired event) {
        flagTasksLeftWithout(event.principal(), event.resource(), event.grantId(), "expired", event.expiredAt());
    }

    private void flagTasksLeftWithout(String principal, String resource, String grantId, String reason, Instant at) {
        if (registry.coveredByAnotherGrant(principal, resource, grantId, at)) {
            return; // another grant still covers the resource
        }
        for (String taskId : registry.openTasksNeeding(principal, resource)) {
            commands.sendAndWait(new FlagTaskAccessLost(taskId, principal, resource, grantId, reason, at));
        }
    }
}
