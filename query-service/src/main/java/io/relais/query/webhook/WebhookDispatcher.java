package io.relais.query.webhook;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the due deliveries: every {@code poll-interval} it claims up to {@code batch-size} of them
 * ({@link WebhookRepository#claimDue}), sends them at once, each a POST of the structured CloudEvent signed as
 * {@link WebhookSignatures} says, and records every attempt. A 2xx answer delivers; anything else (another status, no
 * answer within {@code timeout}, a refused connection; redirects are not followed) is retried after the back-off,
 * until {@code max-attempts}, then the delivery is dead. At least once: a delivery sent but not recorded (a crash, the
 * database gone) is sent again once its lease ran out, with the same {@code webhook-id}. Deliveries are not ordered,
 * not even per subscription: retries pass each other.
 */
class WebhookDispatcher extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    /** Beyond the time a batch may take: how long a claimed delivery is left to its dispatcher. */
    private static final Duration LEASE_MARGIN = Duration.ofMinutes(1);

    private final WebhookRepository repository;
    private final WebhookProperties properties;
    private final WebhookBackoff backoff;
    private final WebhookAddresses addresses;
    private final Clock clock;
    private final HttpClient http;

    WebhookDispatcher(WebhookRepository repository, WebhookProperties properties, Clock clock) {
        // the batch in flight finishes and is recorded, so that a restart re-sends nothing it need not
        super("webhook-dispatcher", properties.pollInterval(), properties.timeout().multipliedBy(2).plusSeconds(5));
        this.repository = repository;
        this.properties = properties;
        this.backoff = properties.backoff();
        this.addresses = properties.addresses();
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Batches until fewer than a full batch is due (a backlog drains without waiting for the next poll). */
    @Override
    void runOnce() {
        try {
            while (!stopping() && dispatchDue() == properties.batchSize()) {
                // next batch
            }
        } catch (RuntimeException failure) {
            log.warn("Webhook dispatch failed, tried again in {}: {}", properties.pollInterval(), failure.toString());
        }
    }

    /** Claims, sends and records one batch; returns how many deliveries it held. */
    int dispatchDue() {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(properties.timeout().multipliedBy(2)).plus(LEASE_MARGIN);
        List<WebhookRepository.DueDelivery> due = repository.claimDue(now, leaseUntil, properties.batchSize());
        List<CompletableFuture<WebhookRepository.Attempt>> sent = new ArrayList<>();
        for (WebhookRepository.DueDelivery delivery : due) {
            sent.add(send(delivery));
        }
        for (int i = 0; i < due.size(); i++) {
            WebhookRepository.DueDelivery delivery = due.get(i);
            WebhookRepository.Attempt attempt = sent.get(i).join();
            try {
                repository.recordAttempt(delivery.deliveryId(), attempt, backoff, properties.maxAttempts());
            } catch (RuntimeException unrecorded) {
                // sent again once its lease runs out: at least once
                log.warn("Webhook delivery {}: attempt not recorded: {}", delivery.deliveryId(), unrecorded.toString());
                continue;
            }
            if (!attempt.delivered()) {
                log.info("Webhook delivery {} (event {}) to {} failed: {}", delivery.deliveryId(), delivery.eventId(),
                        delivery.url(), attempt.error());
            }
        }
        return due.size();
    }

    /** One attempt, never throwing: what it gave is the future's value. */
    CompletableFuture<WebhookRepository.Attempt> send(WebhookRepository.DueDelivery delivery) {
        Instant at = clock.instant();
        Optional<String> refused = addresses.refusal(delivery.url());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(new WebhookRepository.Attempt(at, 0, null,
                    "Not sent: " + refused.get()));
        }
        long started = System.nanoTime();
        HttpRequest request;
        try {
            long timestamp = at.getEpochSecond();
            request = HttpRequest.newBuilder(delivery.url())
                    .timeout(properties.timeout())
                    .header("Content-Type", CONTENT_TYPE)
                    .header("webhook-id", delivery.eventId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature",
                            WebhookSignatures.sign(delivery.secret(), delivery.eventId(), timestamp, delivery.body()))
                    .header("User-Agent", "Relais-Webhooks/1")
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                    .build();
        } catch (RuntimeException unusable) {
            return CompletableFuture.completedFuture(new WebhookRepository.Attempt(at, 0, null,
                    "Request not sent: " + unusable.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                // the request timeout stops at the answer's headers; this bounds the whole exchange
                .orTimeout(properties.timeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    long latency = Duration.ofNanos(System.nanoTime() - started).toMillis();
                    if (failure != null) {
                        return new WebhookRepository.Attempt(at, latency, null, describe(failure));
                    }
                    int status = response.statusCode();
                    return new WebhookRepository.Attempt(at, latency, status,
                            status / 100 == 2 ? null : "The receiver answered HTTP " + status);
                });
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "No answer within " + properties.timeout();
        }
        return "No answer: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
