package io.relais.command.access;

/**
 * A grant the rules refuse (a provider's agent without an active engagement, an engagement without a signed DPA, an
 * expiry in the past): 409 with the reason, nothing written.
 */
public class AccessRuleViolated extends RuntimeException {

    public AccessRuleViolated(String reason) {
        super(reason);
    }
}
