package io.relais.query.engagement;

import io.relais.contract.sla.CalendarSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An engagement (a contract with a provider) as the projection holds it and the API serves it.
 *
 * @param providerOrganisation the provider, as its agents' organisation reads
 * @param agents               the provider's assistants who may be assigned tasks under it
 * @param internalHourlyRate   what an hour costs in-house (€)
 * @param providerHourlyRate   what an hour costs with the provider (€)
 * @param calendar             the business calendar SLA deadlines are computed with
 * @param dpaSigned            whether the data processing agreement is signed
 * @param endReason            why it ended, null while ACTIVE
 * @param lastEventAt          when the last event applied to it happened
 */
public record EngagementView(UUID engagementId, String providerOrganisation, List<String> agents,
                             BigDecimal internalHourlyRate, BigDecimal providerHourlyRate, CalendarSpec calendar,
                             boolean dpaSigned, LocalDate startsOn, LocalDate plannedEndOn, EngagementStatus status,
                             String startedBy, Instant startedAt, String endedBy, Instant endedAt, String endReason,
                             Instant lastEventAt) {
}
