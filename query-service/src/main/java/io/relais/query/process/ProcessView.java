package io.relais.query.process;

import java.time.Instant;
import java.util.UUID;

/**
 * A procedure as the catalogue lists it (the detail adds the procedure itself, its versions and occurrences).
 *
 * @param version          the current version, the one new tasks are opened under
 * @param definedBy        who defined it (version 1)
 * @param revisedBy        who made the current version, null while it is version 1
 * @param changeNote       why the current version was made, null while it is version 1
 * @param retirementReason why it was retired, null while ACTIVE
 * @param lastEventAt      when the last event applied to it happened
 */
public record ProcessView(UUID processId, int version, ProcessStatus status, String title, String taskType,
                          String slaPolicy, String definedBy, Instant definedAt, String revisedBy, Instant revisedAt,
                          String changeNote, String retiredBy, Instant retiredAt, String retirementReason,
                          Instant lastEventAt) {
}
