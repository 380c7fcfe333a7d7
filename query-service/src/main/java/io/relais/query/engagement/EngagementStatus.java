package io.relais.query.engagement;

/** Where a provider contract stands. ENDED is final. */
public enum EngagementStatus {
    /** Tasks may be assigned to its agents. */
    ACTIVE,
    /** Over, and every access of the provider with it (reversibility). */
    ENDED
}
