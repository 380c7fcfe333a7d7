package io.relais.contract.engagement;

import java.time.Instant;

/** The contract ends: every access of the provider ends with it (reversibility). */
public record EngagementEnded(String engagementId, String reason, String endedBy, Instant endedAt) {
}
