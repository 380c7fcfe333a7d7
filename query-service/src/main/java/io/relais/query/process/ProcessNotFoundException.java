package io.relais.query.process;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 {@code process-not-found}: no such procedure, or no such version of it. */
class ProcessNotFoundException extends ErrorResponseException {

    static final URI TYPE = URI.create("urn:relais:problem:process-not-found");

    private ProcessNotFoundException(ProblemDetail problem) {
        super(HttpStatus.NOT_FOUND, problem, null);
    }

    /** The projection trails the command side by a moment, hence the hint for a procedure defined just now. */
    static ProcessNotFoundException process(UUID processId) {
        ProblemDetail problem = problem("No process with id " + processId
                + " (a process defined a moment ago may not be visible yet)", processId);
        return new ProcessNotFoundException(problem);
    }

    static ProcessNotFoundException version(UUID processId, int version, int latest) {
        ProblemDetail problem = problem("Process " + processId + " has no version " + version + " (its versions are 1 to "
                + latest + "; a revision made a moment ago may not be visible yet)", processId);
        problem.setProperty("version", version);
        problem.setProperty("latestVersion", latest);
        return new ProcessNotFoundException(problem);
    }

    private static ProblemDetail problem(String detail, UUID processId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setType(TYPE);
        problem.setTitle("Process not found");
        problem.setProperty("processId", processId);
        return problem;
    }
}
