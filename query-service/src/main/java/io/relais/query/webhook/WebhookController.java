package io.relais.query.webhook;

import io.relais.websupport.security.ActorResolver;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outbound webhooks (issue 11): subscriptions, their deliveries and every attempt, the dead letters. ADMIN only
 * ({@link WebhookAccessRules}).
 */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

    static final int MAX_LIMIT = 500;

    private final WebhookRepository repository;
    private final ActorResolver actors;
    private final WebhookStartOffsets startOffsets;
    private final WebhookAddresses addresses;
    private final Clock clock;

    WebhookController(WebhookRepository repository, ActorResolver actors, WebhookStartOffsets startOffsets,
                      WebhookProperties properties, Clock clock) {
        this.repository = repository;
        this.startOffsets = startOffsets;
        this.addresses = properties.addresses();
        this.actors = actors;
        this.clock = clock;
    }

    /**
     * 201 with the subscription and its signing secret, shown this once (it can be rotated); where it starts, see
     * {@link WebhookStartOffsets} and {@link WebhookRepository#insertSubscription}.
     */
    @Operation(summary = "Create a subscription", description = """
            It receives exactly the events appended to the topics after its creation, never the history: its starting \
            point is the end of each partition of relais.tasks.v1, relais.access.v1 and relais.sla-alerts.v1, asked \
            of Kafka now. 503 temporarily-unavailable (Retry-After) if Kafka does not answer within \
            RELAIS_WEBHOOKS_BROKER_TIMEOUT: nothing was written.""")
    @PostMapping("/subscriptions")
    ResponseEntity<SubscriptionWithSecret> create(@Valid @RequestBody SubscriptionRequest request) {
        URI url = checkedUrl(request.url());
        addresses.refusal(url).ifPresent(why -> {
            throw WebhookProblems.invalidUrl(request.url(), why);
        });
        List<String> eventTypes = List.copyOf(new LinkedHashSet<>(request.eventTypes().stream()
                .map(String::strip).toList()));
        List<String> unknown = WebhookEventTypes.unknown(eventTypes);
        if (!unknown.isEmpty()) {
            throw WebhookProblems.unknownEventTypes(unknown);
        }
        UUID id = UUID.randomUUID();
        String secret = WebhookSignatures.newSecret();
        repository.insertSubscription(id, request.name().strip(), url, eventTypes, secret,
                request.active() == null || request.active(), actors.require().name(), clock.instant(),
                startOffsets::endOffsets);
        return ResponseEntity.created(URI.create("/api/webhooks/subscriptions/" + id))
                .body(SubscriptionWithSecret.of(subscription(id), secret));
    }

    /** Oldest first; never the secrets. */
    @GetMapping("/subscriptions")
    List<SubscriptionView> subscriptions() {
        return repository.subscriptions();
    }

    @GetMapping("/subscriptions/{id}")
    SubscriptionView subscription(@PathVariable UUID id) {
        return repository.subscription(id).orElseThrow(() -> WebhookProblems.subscriptionNotFound(id));
    }

    /** No new deliveries while paused; the pending ones wait for {@code resume}. */
    @PostMapping("/subscriptions/{id}/pause")
    SubscriptionView pause(@PathVariable UUID id) {
        return setActive(id, false);
    }

    @PostMapping("/subscriptions/{id}/resume")
    SubscriptionView resume(@PathVariable UUID id) {
        return setActive(id, true);
    }

    /** A new secret, shown this once; the old one signs nothing from now on, pending deliveries included. */
    @PostMapping("/subscriptions/{id}/secret-rotation")
    SubscriptionWithSecret rotateSecret(@PathVariable UUID id) {
        String secret = WebhookSignatures.newSecret();
        if (!repository.replaceSecret(id, secret, clock.instant())) {
            throw WebhookProblems.subscriptionNotFound(id);
        }
        return SubscriptionWithSecret.of(subscription(id), secret);
    }

    /** With its deliveries and their attempts; what was pending is not sent. */
    @DeleteMapping("/subscriptions/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!repository.deleteSubscription(id)) {
            throw WebhookProblems.subscriptionNotFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Newest first, optionally only those of one status. */
    @GetMapping("/subscriptions/{id}/deliveries")
    List<DeliveryView> deliveries(@PathVariable UUID id, @RequestParam(required = false) DeliveryStatus status,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_LIMIT) int limit) {
        subscription(id);
        return repository.deliveries(id, status, limit);
    }

    /** The delivery and the CloudEvent it sends. */
    @GetMapping("/deliveries/{id}")
    DeliveryDetail delivery(@PathVariable UUID id) {
        return repository.delivery(id).orElseThrow(() -> WebhookProblems.deliveryNotFound(id));
    }

    /** Every attempt, first first: when, how long, the receiver's status or why there was none. */
    @GetMapping("/deliveries/{id}/attempts")
    List<AttemptView> attempts(@PathVariable UUID id) {
        delivery(id);
        return repository.attempts(id);
    }

    /** A dead letter is sent again, now, with a fresh attempt budget; 409 for a delivery that is not dead. */
    @PostMapping("/deliveries/{id}/redelivery")
    DeliveryView redeliver(@PathVariable UUID id) {
        Instant now = clock.instant();
        return switch (repository.redeliver(id, now)) {
            case QUEUED -> delivery(id).delivery();
            case NOT_DEAD -> throw WebhookProblems.notDead(delivery(id).delivery());
            case NOT_FOUND -> throw WebhookProblems.deliveryNotFound(id);
        };
    }

    /** Every subscription's dead letters, the most recently dead first. */
    @GetMapping("/dead-letters")
    List<DeliveryView> deadLetters(@RequestParam(defaultValue = "50") @Min(1) @Max(MAX_LIMIT) int limit) {
        return repository.deadLetters(limit);
    }

    private SubscriptionView setActive(UUID id, boolean active) {
        if (!repository.setActive(id, active, clock.instant())) {
            throw WebhookProblems.subscriptionNotFound(id);
        }
        return subscription(id);
    }

    static URI checkedUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException malformed) {
            throw WebhookProblems.invalidUrl(url, "it is malformed (" + malformed.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw WebhookProblems.invalidUrl(url, uri.getScheme() == null ? "it has no scheme"
                    : "the scheme " + uri.getScheme() + " is not allowed");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw WebhookProblems.invalidUrl(url, "it has no host");
        }
        return uri;
    }
}
