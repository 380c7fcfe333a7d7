package io.relais.query.export;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The export's own refusals, as RFC 9457 problems (README, "Export"). */
final class ExportProblems {

    static final URI NOT_FOUND = URI.create("urn:relais:problem:export-not-found");
    static final URI ALREADY_RUNNING = URI.create("urn:relais:problem:export-already-running");
    static final URI NOT_READY = URI.create("urn:relais:problem:export-not-ready");
    static final URI ARCHIVE_GONE = URI.create("urn:relais:problem:export-archive-gone");

    private ExportProblems() {
    }

    static ErrorResponseException notFound(UUID id) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Export not found", "No export with id " + id, id);
    }

    static ErrorResponseException alreadyRunning(UUID running) {
        return problem(HttpStatus.CONFLICT, ALREADY_RUNNING, "An export is already running",
                "Export " + running + " is running; one export runs at a time. Follow its progress at /api/exports/"
                        + running + ", then start another if needed", running);
    }

    static ErrorResponseException notReady(ExportJob job) {
        String detail = job.status() == ExportStatus.FAILED
                ? "Export " + job.id() + " failed and has no archive (" + job.error() + "); start another export"
                : "Export " + job.id() + " is still running (" + percentage(job)
                + " %); download the archive once its status is DONE";
        ErrorResponseException problem = problem(HttpStatus.CONFLICT, NOT_READY, "Archive not ready", detail, job.id());
        problem.getBody().setProperty("exportStatus", job.status().name());
        return problem;
    }

    static ErrorResponseException archiveGone(UUID id) {
        return problem(HttpStatus.GONE, ARCHIVE_GONE, "Archive no longer available", "The archive file of export "
                + id + " is no longer in the export directory; start another export", id);
    }

    static int percentage(ExportJob job) {
        if (job.status() == ExportStatus.DONE) {
            return 100;
        }
        if (job.rowsTotal() != null && job.rowsTotal() > 0) {
            return (int) Math.min(99, job.rowsWritten() * 100 / job.rowsTotal());
        }
        return job.sectionsTotal() == 0 ? 0 : Math.min(99, job.sectionsDone() * 100 / job.sectionsTotal());
    }

    private static ErrorResponseException problem(HttpStatus status, URI type, String title, String detail, UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        problem.setProperty("exportId", id);
        return new ErrorResponseException(status, problem, null);
    }
}
