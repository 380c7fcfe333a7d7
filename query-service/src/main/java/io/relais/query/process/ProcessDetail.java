package io.relais.query.process;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.relais.contract.process.Procedure;
import java.util.List;

/**
 * {@code GET /api/processes/{id}}: every field of the listing, the current version's procedure, every version
 * (oldest first) and the most recent occurrences (newest first, late ones flagged).
 *
 * @param occurrenceCount     every occurrence so far, not only the recent ones
 * @param lateOccurrenceCount how many of them fired late
 */
record ProcessDetail(@JsonUnwrapped ProcessView process, Procedure procedure, List<ProcessVersionSummary> versions,
                     List<ProcessOccurrenceView> recentOccurrences, long occurrenceCount, long lateOccurrenceCount) {
}
