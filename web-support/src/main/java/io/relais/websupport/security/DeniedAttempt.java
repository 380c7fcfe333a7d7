package io.relais.websupport.security;

import java.time.Instant;
import java.util.UUID;

/**
 * A refused request, kept for auditors: who (when known), what, from where, why.
 *
 * @param principal null when nobody authenticated (kind {@link Kind#UNAUTHENTICATED})
 */
public record DeniedAttempt(UUID id, Instant occurredAt, Kind kind, String principal, String method, String path,
                            String remoteAddress, String correlationId, String reason) {

    public enum Kind {
        /** 401: no credentials, wrong password, expired or badly signed token. */
        UNAUTHENTICATED,
        /** 403: authenticated, but the role may not use this endpoint. */
        FORBIDDEN
    }
}
