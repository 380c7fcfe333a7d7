package io.relais.command.access;

/** ACTIVE until it ends, once, by revocation or expiry. */
public enum GrantStatus {
    ACTIVE, REVOKED, EXPIRED
}
