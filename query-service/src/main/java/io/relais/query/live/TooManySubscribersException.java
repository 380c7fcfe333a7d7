package io.relais.query.live;

import io.relais.websupport.problem.ProblemTypes;
import io.relais.websupport.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 503: every stream slot ({@code relais.live.max-subscribers}) is taken. */
class TooManySubscribersException extends ErrorResponseException {

    TooManySubscribersException(int max) {
        super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE,
                "Too many live streams", "All " + max + " live update streams are open; retry later"), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
    }
}
