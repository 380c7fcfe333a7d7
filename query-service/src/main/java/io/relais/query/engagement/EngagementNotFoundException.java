package io.relais.query.engagement;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class EngagementNotFoundException extends ErrorResponseException {

    static final URI TYPE = URI.create("urn:relais:problem:engagement-not-found");

    EngagementNotFoundException(UUID engagementId) {
        super(HttpStatus.NOT_FOUND, problem(engagementId), null);
    }

    /** The projection trails the command side by a moment, hence the hint for an engagement started just now. */
    private static ProblemDetail problem(UUID engagementId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No engagement with id "
                + engagementId + " (an engagement started a moment ago may not be visible yet)");
        problem.setType(TYPE);
        problem.setTitle("Engagement not found");
        problem.setProperty("engagementId", engagementId);
        return problem;
    }
}
