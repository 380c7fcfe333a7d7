package io.relais.contract.access;

/** The outcome of a periodic access review of one grant. */
public enum ReviewDecision {
    /** The grant is still needed and stays active. */
    KEPT,
    /** The grant is no longer needed; an {@link AccessRevoked} follows in the same transaction. */
    REVOKED
}
