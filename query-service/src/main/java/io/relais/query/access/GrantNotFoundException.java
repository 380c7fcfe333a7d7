package io.relais.query.access;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class GrantNotFoundException extends ErrorResponseException {

    static final URI TYPE = URI.create("urn:relais:problem:grant-not-found");

    GrantNotFoundException(UUID grantId) {
        super(HttpStatus.NOT_FOUND, problem(grantId), null);
    }

    /** The registry trails the command side by a moment, hence the hint for a grant made just now. */
    private static ProblemDetail problem(UUID grantId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No grant with id " + grantId
                + " (a grant made a moment ago may not be visible yet)");
        problem.setType(TYPE);
        problem.setTitle("Grant not found");
        problem.setProperty("grantId", grantId);
        return problem;
    }
}
