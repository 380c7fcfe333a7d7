package io.relais.query.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer that creates a subscription or rotates its secret: the only one that shows the secret. */
public record SubscriptionWithSecret(UUID id, String name, URI url, List<String> eventTypes, boolean active,
                                     String createdBy, Instant createdAt, Instant updatedAt,
                                     @Schema(description = "Signing secret (Standard Webhooks); shown only this once",
                                             example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

    static SubscriptionWithSecret of(SubscriptionView view, String secret) {
        return new SubscriptionWithSecret(view.id(), view.name(), view.url(), view.eventTypes(), view.active(),
                view.createdBy(), view.createdAt(), view.updatedAt(), secret);
    }
}
