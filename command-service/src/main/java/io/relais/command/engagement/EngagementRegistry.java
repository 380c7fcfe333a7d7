package io.relais.command.engagement;

import io.relais.contract.sla.CalendarSpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the task side needs to know of provider contracts when a task is assigned: whether the engagement is
 * active, whose agents it covers and which business calendar governs its SLAs. Kept up to date from the
 * engagement events in the same transaction that stores them.
 */
public interface EngagementRegistry {

    Optional<ActiveEngagement> active(String engagementId);

    /** The active engagement an agent works under, if any (an agent belongs to one provider at a time). */
    Optional<ActiveEngagement> activeFor(String agent);

    /** Whether the agent was ever named in an engagement, active or ended: a provider's person, not the company's. */
    boolean everEngaged(String agent);

    /** @param plannedEndOn the contract's last day, in the engagement calendar's zone (grants end with it at the latest) */
    record ActiveEngagement(String engagementId, String providerOrganisation, List<String> agents,
                            CalendarSpec calendar, boolean dpaSigned, java.time.LocalDate plannedEndOn) {

        /** The instant the engagement's last planned day ends, in its calendar's zone. */
        public Instant plannedEnd() {
            return plannedEndOn.plusDays(1).atStartOfDay(java.time.ZoneId.of(calendar.zone())).toInstant();
        }
    }
}
