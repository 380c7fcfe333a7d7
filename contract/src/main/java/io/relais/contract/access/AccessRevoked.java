package io.relais.contract.access;

import java.time.Instant;

/**
 * A grant was withdrawn before its expiry: by an administrator, in an access review, or because the engagement it
 * hung on ended (then {@code revokedBy} is who ended the engagement and the reason says so).
 */
public record AccessRevoked(String grantId, String principal, String resource, String reason, String revokedBy,
                            Instant revokedAt) {
}
