package io.relais.query.process;

import java.time.Instant;

/**
 * One version of a procedure in the detail's list, without its text ({@code GET /api/processes/{id}/versions/{n}}
 * has it).
 *
 * @param changeNote why this version was made, null for version 1
 * @param recordedBy who defined or revised it
 * @param recordedAt when
 * @param current    whether new tasks are opened under it (the latest version)
 */
public record ProcessVersionSummary(int version, String title, String taskType, String slaPolicy, String changeNote,
                                    String recordedBy, Instant recordedAt, boolean current) {
}
