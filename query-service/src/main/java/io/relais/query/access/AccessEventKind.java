package io.relais.query.access;

/** What an access event did to its grant, as the history lists it. */
public enum AccessEventKind {
    GRANTED, REVOKED, EXPIRED, REVIEWED
}
