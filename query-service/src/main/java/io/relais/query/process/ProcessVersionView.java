package io.relais.query.process;

import io.relais.contract.process.Procedure;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code GET /api/processes/{id}/versions/{version}}: one version of a procedure as it was written, e.g. the one a
 * task pinned ({@code processVersion}), whatever was revised since.
 *
 * @param current       whether it is the latest version
 * @param processStatus the procedure's status now (a retired procedure's versions stay readable)
 */
public record ProcessVersionView(UUID processId, int version, boolean current, ProcessStatus processStatus,
                                 String changeNote, String recordedBy, Instant recordedAt, Procedure procedure) {
}
