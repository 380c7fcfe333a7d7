package io.relais.command.engagement;

/**
 * The contract's terms break a rule (a rate not above zero, a planned end not after the start, no agent):
 * answered 400. The REST layer checks the same first, with field names; the aggregate checks again because it
 * is the authority whatever sends the command.
 */
public class EngagementTermsInvalid extends IllegalArgumentException {

    public EngagementTermsInvalid(String reason) {
        super(reason);
    }
}
