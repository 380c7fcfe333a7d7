package io.relais.query.access;

/** Where a grant stands. REVOKED and EXPIRED are final. */
public enum GrantStatus {
    ACTIVE, REVOKED, EXPIRED
}
