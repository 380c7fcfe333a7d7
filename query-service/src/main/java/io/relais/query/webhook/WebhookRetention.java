package io.relais.query.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges what was delivered long ago: at start, then every {@code purge-interval}, the deliveries DELIVERED more than
 * {@code retention} ago (by the injected clock), with their attempts, {@value #BATCH} at a time, each batch a
 * statement of its own ({@link WebhookRepository#purgeDelivered}). PENDING deliveries are still to be sent and DEAD
 * ones wait for an administrator: neither is ever purged. The dedup key of a purged delivery stays, so an event read
 * again later (the {@code -webhooks} group's offsets lost, the topics keep every record) is not sent again.
 */
class WebhookRetention extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(WebhookRetention.class);
    /** Rows per statement (and transaction): a large purge takes many short locks, never a long one. */
    static final int BATCH = 1_000;

    private final WebhookRepository repository;
    private final WebhookProperties properties;
    private final Clock clock;
    private final int batchSize;

    WebhookRetention(WebhookRepository repository, WebhookProperties properties, Clock clock) {
        this(repository, properties, clock, BATCH);
    }

    WebhookRetention(WebhookRepository repository, WebhookProperties properties, Clock clock, int batchSize) {
        // a batch is one short statement: the one in flight ends well within the wait
        super("webhook-retention", properties.purgeInterval(), Duration.ofSeconds(30));
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Override
    void runOnce() {
        try {
            purge();
        } catch (RuntimeException failure) {
            log.warn("Webhook retention purge failed, tried again in {}: {}", properties.purgeInterval(),
                    failure.toString());
        }
    }

    /**
     * Purges, batch after batch, every delivery delivered before now minus the retention; stops early if the service
     * stops.
     *
     * @return how many deliveries were purged
     */
    int purge() {
        Instant deliveredBefore = clock.instant().minus(properties.retention());
        int purged = 0;
        int batch;
        do {
            batch = repository.purgeDelivered(deliveredBefore, batchSize);
            purged += batch;
        } while (batch == batchSize && !stopping());
        if (purged > 0) {
            log.info("Webhook retention: purged {} deliveries delivered before {}", purged, deliveredBefore);
        }
        return purged;
    }
}
