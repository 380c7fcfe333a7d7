package io.relais.query.audit;

import io.relais.websupport.problem.Problems;
import io.relais.websupport.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A trail request this endpoint cannot answer: 400 invalid-request, saying what to send. */
class InvalidTrailQueryException extends ErrorResponseException {

    InvalidTrailQueryException(String detail) {
        super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST,
                "Invalid request", detail), null);
    }
}
