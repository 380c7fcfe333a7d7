package io.relais.query.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery is tried again: {@code initial × multiplier^(failures − 1)}, capped at {@code max}. No jitter:
 * deliveries fail at scattered moments already (each after its own event), and a fixed schedule is one an
 * administrator can predict from the attempts list.
 */
record WebhookBackoff(Duration initial, double multiplier, Duration max) {

    /** The pause after the {@code failures}-th failed attempt in a row (1 for the first). */
    Duration delayAfter(int failures) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }

    /** When the next attempt is due, after {@code failures} failures, the last one at {@code failedAt}. */
    Instant nextAttempt(Instant failedAt, int failures) {
        return failedAt.plus(delayAfter(failures));
    }
}
