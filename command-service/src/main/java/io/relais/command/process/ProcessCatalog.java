package io.relais.command.process;

import java.util.Optional;

/**
 * What the task side needs to know of procedures when a task is requested: the version in force, its task
 * type and SLA policy, and the resources an agent must be granted. Kept up to date from the process events
 * in the same transaction that stores them, so a task can never be opened under a retired procedure.
 */
public interface ProcessCatalog {

    Optional<ProcessInForce> inForce(String processId);

    /** The procedure in force under this title (case ignored), the most recently updated if several share it. */
    Optional<ProcessInForce> inForceByTitle(String title);

    /**
     * @param version   the version a new task pins
     * @param slaPolicy the policy in its text form, e.g. {@code BUSINESS_DAYS(2)}
     */
    record ProcessInForce(String processId, int version, String title, String taskType, String slaPolicy,
                          java.util.List<String> resources, java.util.List<String> qualityChecks) {
    }
}
