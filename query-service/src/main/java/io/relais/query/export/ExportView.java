package io.relais.query.export;

import java.time.Instant;
import java.util.UUID;

/**
 * An export as the API shows it.
 *
 * @param archiveUrl where to download the ZIP; null until DONE
 * @param sizeBytes  the archive's size; null until DONE
 * @param sha256     the archive's SHA-256 (hex); null until DONE
 * @param error      why it failed; null unless FAILED
 */
record ExportView(UUID id, ExportStatus status, String requestedBy, Instant createdAt, Instant startedAt,
                  Instant finishedAt, Progress progress, String archiveUrl, Long sizeBytes, String sha256,
                  String error) {

    /**
     * @param currentSection the section being written ("counting", a section name, "manifest", "packing"); null once
     *                       finished
     * @param rowsTotal      rows of all sections, counted in the export's snapshot before writing; null while counting
     * @param percentage     rows written ÷ rows total (99 at most until DONE, then 100)
     */
    record Progress(int sectionsDone, int sectionsTotal, String currentSection, long rowsWritten, Long rowsTotal,
                    int percentage) {
    }

    static ExportView of(ExportJob job) {
        boolean done = job.status() == ExportStatus.DONE;
        return new ExportView(job.id(), job.status(), job.requestedBy(), job.createdAt(), job.startedAt(),
                job.finishedAt(), new Progress(job.sectionsDone(), job.sectionsTotal(), job.currentSection(),
                job.rowsWritten(), job.rowsTotal(), ExportProblems.percentage(job)),
                done ? "/api/exports/" + job.id() + "/archive" : null, done ? job.archiveSize() : null,
                done ? job.archiveSha256() : null, job.error());
    }
}
