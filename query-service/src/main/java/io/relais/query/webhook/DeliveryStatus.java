package io.relais.query.webhook;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Not delivered yet: due at {@code nextAttemptAt}. */
    PENDING,
    /** A receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed: a dead letter, until an administrator asks for its redelivery. */
    DEAD
}
