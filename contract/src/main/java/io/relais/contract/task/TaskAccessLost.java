package io.relais.contract.task;

import java.time.Instant;

/**
 * The agent working on an open task lost the access its SOP requires (a grant revoked or expired and no other grant
 * covers the resource). The task is flagged for the approver, who reassigns it or has the access granted again.
 *
 * @param grantId the grant whose end caused the loss
 * @param reason  the revocation's reason, or {@code expired}
 */
public record TaskAccessLost(String taskId, String agent, String resource, String grantId, String reason,
                             Instant flaggedAt) {
}
