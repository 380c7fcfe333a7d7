package io.relais.contract.access;

import java.time.Instant;

/** A grant reached its expiry; fired by a persistent deadline, at most once, never after a revocation. */
public record AccessExpired(String grantId, String principal, String resource, Instant expiredAt) {
}
