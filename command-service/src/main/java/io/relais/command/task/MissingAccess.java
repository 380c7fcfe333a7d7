package io.relais.command.task;

import java.util.List;

/**
 * Least privilege tied to the work (BRIEF §2): the agent lacks active grants for resources the task's SOP requires.
 * Answered 409 naming the missing resources; nothing written.
 */
public class MissingAccess extends RuntimeException {

    private final String agent;
    private final List<String> missingResources;

    public MissingAccess(String taskId, String agent, List<String> missingResources) {
        super("Agent " + agent + " holds no active grant for " + String.join(", ", missingResources)
                + ", which task " + taskId + " requires");
        this.agent = agent;
        this.missingResources = List.copyOf(missingResources);
    }

    public String agent() {
        return agent;
    }

    public List<String> missingResources() {
        return missingResources;
    }
}
