package io.relais.query.rebuild;

import io.relais.websupport.problem.ProblemTypes;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: no such rebuild job (jobs live in memory; only the last few are kept). */
class RebuildNotFoundException extends ErrorResponseException {

    RebuildNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No projection rebuild " + id
                + " (jobs are kept in memory: the last few, since the service started)");
        problem.setType(ProblemTypes.NOT_FOUND);
        problem.setTitle("Rebuild not found");
        problem.setProperty("rebuildId", id);
        return problem;
    }
}
