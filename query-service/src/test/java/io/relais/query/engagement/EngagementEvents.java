package io.relais.query.engagement;

import io.cloudevents.CloudEvent;
import io.relais.contract.engagement.EngagementEnded;
import io.relais.contract.engagement.EngagementStarted;
import io.relais.contract.sla.CalendarSpec;
import io.relais.query.ContractEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Engagement events as command-service publishes them on relais.engagements.v1, for tests. */
public final class EngagementEvents {

    private EngagementEvents() {
    }

    /** Seed 004's figures: 45 €/h in-house, 18 €/h with the provider; DPA signed; a year from {@code startsOn}. */
    public static EngagementStarted started(UUID engagementId, String provider, List<String> agents,
                                            LocalDate startsOn, Instant at) {
        return new EngagementStarted(engagementId.toString(), provider, agents, new BigDecimal("45.00"),
                new BigDecimal("18.00"), CalendarSpec.FRANCE_DEFAULT, true, startsOn, startsOn.plusYears(1).minusDays(1),
                "admin", at);
    }

    /** Started by admin, at sequence 0. */
    public static CloudEvent startedEvent(EngagementStarted payload) {
        return ContractEvents.event(payload.engagementId(), 0, payload, ContractEvents.ADMIN, payload.startedAt());
    }

    /** Ended by admin. */
    public static CloudEvent ended(UUID engagementId, long sequence, String reason, Instant at) {
        return ContractEvents.event(engagementId.toString(), sequence,
                new EngagementEnded(engagementId.toString(), reason, "admin", at), ContractEvents.ADMIN, at);
    }
}
