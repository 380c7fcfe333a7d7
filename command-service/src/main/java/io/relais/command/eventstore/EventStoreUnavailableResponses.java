package io.relais.command.eventstore;

import io.relais.websupport.problem.StoreUnavailableResponses;
import java.net.URI;
import org.axonframework.common.AxonTransientException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An unreachable event store is not the caller's fault: 503 with Retry-After, and nothing was written. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class EventStoreUnavailableResponses {

    static final URI CONCURRENT_CHANGE = URI.create("urn:relais:problem:concurrent-change");

    private static final Logger log = LoggerFactory.getLogger(EventStoreUnavailableResponses.class);

    /**
     * Two commands raced on one aggregate and this one lost: a conflict the caller can retry, not an outage.
     * (Axon's ConcurrencyException is a transient exception too; the closer match wins.)
     */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The item was changed by another request at the same moment; nothing was written. Retry.");
        problem.setType(CONCURRENT_CHANGE);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** Axon wraps some storage failures in its own transient exception; the plain JDBC ones are web-support's. */
    @ExceptionHandler(AxonTransientException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(AxonTransientException ex) {
        log.warn("Command refused, event store unavailable: {}", ex.toString());
        return StoreUnavailableResponses.unavailable("The event store is unavailable; nothing was written. Retry later.");
    }
}
