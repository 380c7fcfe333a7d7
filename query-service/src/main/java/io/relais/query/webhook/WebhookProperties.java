package io.relais.query.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the outbound webhooks (README, "Webhooks"); each has a default and an environment override.
 *
 * @param enabled           reads the topics and sends deliveries ({@code RELAIS_WEBHOOKS_ENABLED}); when false the
 *                          subscriptions can still be managed, nothing is recorded or sent
 * @param pollInterval      how often due deliveries are looked for ({@code RELAIS_WEBHOOKS_POLL_INTERVAL})
 * @param batchSize         deliveries claimed and sent at once ({@code RELAIS_WEBHOOKS_BATCH_SIZE})
 * @param timeout           of one request, connection included ({@code RELAIS_WEBHOOKS_TIMEOUT})
 * @param maxAttempts       attempts before a delivery is dead-lettered ({@code RELAIS_WEBHOOKS_MAX_ATTEMPTS})
 * @param backoffInitial    pause after the first failed attempt ({@code RELAIS_WEBHOOKS_BACKOFF_INITIAL})
 * @param backoffMultiplier growth of the pause after each further failure ({@code RELAIS_WEBHOOKS_BACKOFF_MULTIPLIER})
 * @param backoffMax        longest pause between two attempts ({@code RELAIS_WEBHOOKS_BACKOFF_MAX})
 * @param retention         how long a delivered delivery and its attempts are kept after its delivery
 *                          ({@code RELAIS_WEBHOOKS_RETENTION}); pending and dead ones are kept until settled
 * @param purgeInterval     how often the deliveries older than that are purged ({@code RELAIS_WEBHOOKS_PURGE_INTERVAL})
 * @param brokerTimeout     how long creating a subscription waits for Kafka to tell where the subscription starts (the
 *                          end offsets of its topics) before it is refused with 503
 *                          ({@code RELAIS_WEBHOOKS_BROKER_TIMEOUT})
 * @param allowedPrivateAddresses internal IP addresses a subscription may nevertheless be sent to (a self-hosted
 *                          automation tool); every other loopback, private, link-local or reserved address is refused
 *                          ({@code RELAIS_WEBHOOKS_ALLOWED_PRIVATE_ADDRESSES}, comma-separated; {@link WebhookAddresses})
 */
@ConfigurationProperties("relais.webhooks")
public record WebhookProperties(Boolean enabled, Duration pollInterval, Integer batchSize, Duration timeout,
                                Integer maxAttempts, Duration backoffInitial, Double backoffMultiplier,
                                Duration backoffMax, Duration retention, Duration purgeInterval,
                                Duration brokerTimeout, List<String> allowedPrivateAddresses) {

    public WebhookProperties {
        enabled = enabled == null || enabled;
        pollInterval = positive(pollInterval, Duration.ofSeconds(1));
        batchSize = batchSize == null || batchSize < 1 ? 20 : batchSize;
        timeout = positive(timeout, Duration.ofSeconds(10));
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 8 : maxAttempts;
        backoffInitial = positive(backoffInitial, Duration.ofSeconds(30));
        backoffMultiplier = backoffMultiplier == null || backoffMultiplier < 1 ? 4.0 : backoffMultiplier;
        backoffMax = positive(backoffMax, Duration.ofHours(6));
        retention = positive(retention, Duration.ofDays(30));
        purgeInterval = positive(purgeInterval, Duration.ofHours(1));
        brokerTimeout = positive(brokerTimeout, Duration.ofSeconds(5));
        allowedPrivateAddresses = allowedPrivateAddresses == null ? List.of()
                : allowedPrivateAddresses.stream().filter(address -> !address.isBlank()).toList();
    }

    /** Where these settings let webhooks be sent. */
    WebhookAddresses addresses() {
        return new WebhookAddresses(allowedPrivateAddresses);
    }

    /** The back-off these settings describe. */
    WebhookBackoff backoff() {
        return new WebhookBackoff(backoffInitial, backoffMultiplier, backoffMax);
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
