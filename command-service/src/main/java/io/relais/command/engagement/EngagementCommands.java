package io.relais.command.engagement;

import io.relais.contract.sla.CalendarSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands on a provider contract. The actor's name and the instant come from the REST layer (the
 * authenticated caller, the service clock): the aggregate never reads a clock or a security context.
 */
public final class EngagementCommands {

    private EngagementCommands() {
    }

    /**
     * @param internalHourlyRate what an hour costs in-house (€)
     * @param providerHourlyRate what an hour costs with this provider (€)
     */
    public record StartEngagement(@TargetAggregateIdentifier String engagementId, String providerOrganisation,
                                  List<String> agents, BigDecimal internalHourlyRate, BigDecimal providerHourlyRate,
                                  CalendarSpec calendar, boolean dpaSigned, LocalDate startsOn,
                                  LocalDate plannedEndOn, String startedBy, Instant startedAt) {
    }

    /** The contract ends, and with it every access of the provider (reversibility). */
    public record EndEngagement(@TargetAggregateIdentifier String engagementId, String reason, String endedBy,
                                Instant endedAt) {
    }
}
