package io.relais.query.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as listed: never its secret. */
public record SubscriptionView(UUID id, String name, URI url, List<String> eventTypes, boolean active,
                               String createdBy, Instant createdAt, Instant updatedAt) {

    public SubscriptionView {
        eventTypes = List.copyOf(eventTypes);
    }
}
