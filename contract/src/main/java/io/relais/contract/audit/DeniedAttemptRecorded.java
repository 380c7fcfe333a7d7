package io.relais.contract.audit;

import java.time.Instant;

/**
 * A request a service refused (401 or 403), as relayed on {@code relais.denied-attempts.v1} (key = id) for the audit
 * trail: who, what, from where, why. Plain JSON; relayed at least once, so readers drop duplicates by {@code id}.
 *
 * @param service   the service that refused it, e.g. {@code command-service}
 * @param kind      {@code UNAUTHENTICATED} (401) or {@code FORBIDDEN} (403)
 * @param principal null when nobody authenticated
 */
public record DeniedAttemptRecorded(String id, Instant occurredAt, String service, String kind, String principal,
                                    String method, String path, String remoteAddress, String correlationId,
                                    String reason) {
}
