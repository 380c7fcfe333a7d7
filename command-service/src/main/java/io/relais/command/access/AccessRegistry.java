package io.relais.command.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the rest of the command side needs to know of grants when it decides: which resources a principal may use
 * now (task assignment), which grants hang on an engagement (its end revokes them). Kept up to date from the access
 * events in the transaction that stores them.
 */
public interface AccessRegistry {

    /** The resources {@code principal} holds a grant for that has not ended and not expired at {@code at}. */
    Set<String> activeResources(String principal, Instant at);

    /** Whether a grant other than {@code grantId}, not ended nor expired at {@code at}, covers the resource. */
    boolean coveredByAnotherGrant(String principal, String resource, String grantId, Instant at);

    /** The grants not yet ended that hang on the engagement. */
    List<String> activeGrantsOfEngagement(String engagementId);

    /** The open tasks assigned to {@code agent} whose SOP requires {@code resource}. */
    List<String> openTasksNeeding(String agent, String resource);
}
