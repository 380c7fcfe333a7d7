package io.relais.query.task;

import io.relais.contract.actor.Actor;
import io.relais.contract.actor.Role;

/**
 * Which tasks an actor may see: approvers, admins and auditors see every task of the company; a requester
 * sees the tasks they requested; an agent sees the tasks assigned to their own organisation. Roles add up.
 * Anything else is invisible, and answered as if it did not exist (404, no existence leak).
 */
public record TaskVisibility(boolean everything, String requester, String assignedOrganisation) {

    public static TaskVisibility of(Actor actor) {
        boolean everything = actor.has(Role.APPROVER) || actor.has(Role.ADMIN) || actor.has(Role.AUDITOR);
        String requester = actor.has(Role.REQUESTER) ? actor.name() : null;
        String organisation = actor.has(Role.AGENT) && actor.organisation() != null ? actor.organisation() : null;
        return new TaskVisibility(everything, requester, organisation);
    }

    /** The rule of {@link TaskRepository}'s SQL, for a task that was just projected (live updates). */
    public boolean sees(TaskProjected task) {
        return everything || (requester != null && requester.equals(task.requestedBy()))
                || (assignedOrganisation != null && assignedOrganisation.equals(task.assignedOrganisation()));
    }
}
