package io.relais.command.access;

import io.relais.command.access.AccessCommands.GrantAccess;
import io.relais.command.engagement.EngagementRegistry;
import io.relais.command.engagement.EngagementRegistry.ActiveEngagement;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * Turns a grant request into a complete {@link GrantAccess}: a provider's agent is granted under their active
 * engagement, which must have a signed DPA, and never beyond its planned end; the company's own staff under the
 * company's organisation, without those limits.
 */
@Service
class AccessGrants {

    private final CommandGateway commands;
    private final EngagementRegistry engagements;
    private final AccessSettings settings;
    private final Clock clock;

    AccessGrants(CommandGateway commands, EngagementRegistry engagements, AccessSettings settings, Clock clock) {
        this.commands = commands;
        this.engagements = engagements;
        this.settings = settings;
        this.clock = clock;
    }

    GrantAccess grant(AccessBodies.GrantBody body, String grantedBy) {
        Instant now = clock.instant();
        String grantId = UUID.randomUUID().toString();
        String principal = body.principal().strip();
        Optional<ActiveEngagement> engagement = engagements.activeFor(principal);
        GrantAccess command;
        if (engagement.isPresent()) {
            ActiveEngagement active = engagement.get();
            if (!active.dpaSigned()) {
                throw new AccessRuleViolated(principal + " works for " + active.providerOrganisation()
                        + " under engagement " + active.engagementId()
                        + ", whose data processing agreement (DPA) is not signed: no access can be granted");
            }
            if (body.organisation() != null && !body.organisation().strip().equals(active.providerOrganisation())) {
                throw new AccessRuleViolated(principal + " works for " + active.providerOrganisation() + ", not "
                        + body.organisation().strip());
            }
            Instant end = active.plannedEnd();
            Instant expiresAt = body.expiresAt() == null || body.expiresAt().isAfter(end) ? end : body.expiresAt();
            command = new GrantAccess(grantId, principal, active.providerOrganisation(), body.resource().strip(),
                    body.level(), body.purpose().strip(), active.engagementId(), expiresAt, grantedBy, now);
        } else if (engagements.everEngaged(principal)) {
            throw new AccessRuleViolated(principal + " is a provider's agent with no active engagement: no access"
                    + " can be granted");
        } else {
            String organisation = body.organisation() == null ? settings.companyOrganisation()
                    : body.organisation().strip();
            command = new GrantAccess(grantId, principal, organisation, body.resource().strip(), body.level(),
                    body.purpose().strip(), null, body.expiresAt(), grantedBy, now);
        }
        commands.sendAndWait(command);
        return command;
    }

    Instant now() {
        return clock.instant();
    }
}
