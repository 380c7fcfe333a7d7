package io.relais.command.engagement;

/**
 * An agent named by a new engagement already works under another active one (an agent belongs to one
 * provider at a time): answered 409; the new engagement is not stored. Raised by the registry's handler in
 * the transaction that would store the event, so it holds under concurrent starts too.
 */
public class AgentAlreadyEngaged extends IllegalStateException {

    private final String agent;
    private final String activeEngagementId;

    public AgentAlreadyEngaged(String agent, String activeEngagementId) {
        super(activeEngagementId == null
                ? "Agent " + agent + " already works under another active engagement"
                : "Agent " + agent + " already works under active engagement " + activeEngagementId
                        + "; end it first");
        this.agent = agent;
        this.activeEngagementId = activeEngagementId;
    }

    public String agent() {
        return agent;
    }

    /** May be null when the conflict was only seen by the database constraint (a concurrent start). */
    public String activeEngagementId() {
        return activeEngagementId;
    }
}
