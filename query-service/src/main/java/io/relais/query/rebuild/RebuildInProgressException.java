package io.relais.query.rebuild;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: one rebuild at a time. */
class RebuildInProgressException extends ErrorResponseException {

    static final URI TYPE = URI.create("urn:relais:problem:rebuild-in-progress");

    RebuildInProgressException(UUID running) {
        super(HttpStatus.CONFLICT, problem(running), null);
    }

    private static ProblemDetail problem(UUID running) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A projection rebuild is already running" + (running == null ? "" : " (" + running + ")")
                        + "; wait until it is DONE or FAILED before starting another");
        problem.setType(TYPE);
        problem.setTitle("Rebuild in progress");
        if (running != null) {
            problem.setProperty("runningRebuild", running);
            problem.setProperty("location", ProjectionAdminController.BASE + "/rebuild/" + running);
        }
        return problem;
    }
}
