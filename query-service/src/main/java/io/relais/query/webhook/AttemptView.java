package io.relais.query.webhook;

import java.time.Instant;

/**
 * One attempt at a delivery.
 *
 * @param latencyMs    from sending the request to the answer (or to the failure)
 * @param responseCode the receiver's HTTP status, null when there was no answer
 * @param error        why the attempt failed (no answer, a non-2xx status), null when it succeeded
 */
public record AttemptView(int attempt, Instant attemptedAt, long latencyMs, Integer responseCode, String error) {
}
