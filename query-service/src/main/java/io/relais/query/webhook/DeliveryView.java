package io.relais.query.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One event for one subscription.
 *
 * @param attempts      attempts made so far, every one listed under {@code /api/webhooks/deliveries/{id}/attempts}
 * @param nextAttemptAt when it is due, while PENDING
 */
public record DeliveryView(UUID id, UUID subscriptionId, String eventId, String eventType, DeliveryStatus status,
                           int attempts, Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt,
                           Integer lastResponseCode, String lastError, Instant deliveredAt, Instant deadAt) {
}
