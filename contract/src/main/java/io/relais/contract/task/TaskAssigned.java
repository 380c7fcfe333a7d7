package io.relais.contract.task;

import java.time.Instant;

/** A task was handed to a provider's agent, within an active engagement. */
public record TaskAssigned(String taskId, String agent, String providerOrganisation, String engagementId, String assignedBy, Instant assignedAt) {
}
