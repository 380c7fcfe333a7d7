package io.relais.websupport.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page for what never reaches a controller advice (a request the servlet
 * container rejects, an exception outside Spring MVC, an unexpected failure): problem+json there too, and
 * an internal failure never leaks its message.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(code instanceof Integer statusCode) || path == null) {
            // The error path itself was requested: it is not an endpoint.
            return respond(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No endpoint " + request.getMethod() + " " + request.getRequestURI() + "."));
        }
        HttpStatus status = HttpStatus.resolve(statusCode);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (status.is5xxServerError()) {
            log.error("Request {} failed", path, (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            problem.setDetail("The request could not be processed; the failure has been logged.");
        } else {
            Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            problem.setDetail(message instanceof String text && !text.isBlank() ? text : status.getReasonPhrase());
        }
        instance(path).ifPresent(problem::setInstance);
        return respond(problem);
    }

    /** The container may have rejected the request precisely because its path is not a valid URI. */
    private static Optional<URI> instance(String path) {
        try {
            return Optional.of(URI.create(path));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
