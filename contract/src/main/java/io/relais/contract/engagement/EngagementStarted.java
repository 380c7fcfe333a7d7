package io.relais.contract.engagement;

import io.relais.contract.sla.CalendarSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract with a provider begins (seed 004: "Contrat + SLA signés", "DPA en place").
 *
 * @param providerOrganisation the provider, as agents' organisation reads
 * @param agents               the provider's assistants who may be assigned tasks under this engagement
 * @param internalHourlyRate   what an hour costs in-house (€), the basis of "savings"
 * @param providerHourlyRate   what an hour costs with the provider (€)
 * @param calendar             the business calendar SLA deadlines are computed with
 * @param dpaSigned            whether the data processing agreement is signed (grants need it)
 */
public record EngagementStarted(String engagementId, String providerOrganisation, List<String> agents,
                                BigDecimal internalHourlyRate, BigDecimal providerHourlyRate, CalendarSpec calendar,
                                boolean dpaSigned, LocalDate startsOn, LocalDate plannedEndOn, String startedBy,
                                Instant startedAt) {

    public EngagementStarted {
        agents = List.copyOf(agents);
    }
}
