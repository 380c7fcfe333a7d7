package io.relais.command.eventstore;

import io.relais.websupport.problem.StoreUnavailableResponses;
import org.axonframework.common.AxonTransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An unreachable event store is not the caller's fault: 503 with Retry-After, and nothing was written. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EventStoreUnavailableResponses {

    private static final Logger log = LoggerFactory.getLogger(EventStoreUnavailableResponses.class);

    /** Axon wraps some storage failures in its own transient exception; the plain JDBC ones are web-support's. */
    @ExceptionHandler(AxonTransientException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(AxonTransientException ex) {
        log.warn("Command refused, event store unavailable: {}", ex.toString());
        return StoreUnavailableResponses.unavailable("The event store is unavailable; nothing was written. Retry later.");
    }
}
