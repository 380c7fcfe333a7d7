package io.relais.command.engagement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.relais.command.engagement.EngagementCommands.EndEngagement;
import io.relais.command.engagement.EngagementCommands.StartEngagement;
import io.relais.contract.engagement.EngagementEnded;
import io.relais.contract.engagement.EngagementStarted;
import java.math.BigDecimal;
import java.util.HashSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A contract with a provider (seed 004: "Contrat + SLA signés"). The command handlers decide and emit events;
 * the event-sourcing handlers only rebuild state (no I/O, no clock: the instant comes in the command).
 */
@Aggregate
public class Engagement {

    @AggregateIdentifier
    private String engagementId;
    private EngagementStatus status;

    protected Engagement() {
        // rebuilt from its events by Axon
    }

    @CommandHandler
    public Engagement(StartEngagement command) {
        requireText(command.providerOrganisation(), "providerOrganisation");
        requirePositive(command.internalHourlyRate(), "internalHourlyRate");
        requirePositive(command.providerHourlyRate(), "providerHourlyRate");
        if (command.startsOn() == null || command.plannedEndOn() == null
                || !command.plannedEndOn().isAfter(command.startsOn())) {
            throw new EngagementTermsInvalid("plannedEndOn (" + command.plannedEndOn() + ") must be after startsOn ("
                    + command.startsOn() + ")");
        }
        if (command.agents() == null || command.agents().isEmpty()) {
            throw new EngagementTermsInvalid("An engagement needs at least one agent");
        }
        if (command.agents().stream().anyMatch(agent -> agent == null || agent.isBlank())
                || new HashSet<>(command.agents()).size() != command.agents().size()) {
            throw new EngagementTermsInvalid("agents must be distinct, non-blank names; got " + command.agents());
        }
        if (command.calendar() == null) {
            throw new EngagementTermsInvalid("An engagement needs a business calendar");
        }
        apply(new EngagementStarted(command.engagementId(), command.providerOrganisation(), command.agents(),
                command.internalHourlyRate(), command.providerHourlyRate(), command.calendar(), command.dpaSigned(),
                command.startsOn(), command.plannedEndOn(), command.startedBy(), command.startedAt()));
    }

    @CommandHandler
    public void handle(EndEngagement command) {
        if (!status.allows(EngagementAction.END)) {
            throw new EngagementActionNotAllowed(engagementId, EngagementAction.END, status);
        }
        apply(new EngagementEnded(engagementId, command.reason(), command.endedBy(), command.endedAt()));
    }

    @EventSourcingHandler
    void on(EngagementStarted event) {
        this.engagementId = event.engagementId();
        this.status = EngagementStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(EngagementEnded event) {
        this.status = EngagementStatus.ENDED;
    }

    private static void requirePositive(BigDecimal rate, String field) {
        if (rate == null || rate.signum() <= 0) {
            throw new EngagementTermsInvalid(field + " must be above 0; got " + rate);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new EngagementTermsInvalid(field + " must not be blank");
        }
    }

    EngagementStatus status() {
        return status;
    }
}
