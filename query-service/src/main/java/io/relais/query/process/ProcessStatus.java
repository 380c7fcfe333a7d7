package io.relais.query.process;

/** Where a procedure stands in the catalogue. RETIRED is final: no new task is opened under it. */
public enum ProcessStatus {
    /** In force: new tasks are opened under its current version. */
    ACTIVE,
    /** Withdrawn; tasks already open finish under the version they pinned, which stays readable. */
    RETIRED
}
