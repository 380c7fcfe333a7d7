package io.relais.query.access;

import io.relais.websupport.problem.Problems;
import io.relais.websupport.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A combination of parameters the access endpoints cannot answer: 400 invalid-request, saying what to send. */
class InvalidAccessQueryException extends ErrorResponseException {

    InvalidAccessQueryException(String detail) {
        super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST,
                "Invalid request", detail), null);
    }
}
