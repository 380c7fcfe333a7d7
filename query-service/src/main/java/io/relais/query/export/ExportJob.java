package io.relais.query.export;

import java.time.Instant;
import java.util.UUID;

/** An export as stored in {@code export_job}. */
record ExportJob(UUID id, ExportStatus status, String requestedBy, String requesterRoles, String requesterOrganisation,
                 Instant createdAt, Instant startedAt, Instant finishedAt, int sectionsTotal, int sectionsDone,
                 String currentSection, Long rowsTotal, long rowsWritten, Instant updatedAt, String archiveFile,
                 Long archiveSize, String archiveSha256, String error) {
}
