package io.relais.command.idempotency;

import io.relais.websupport.problem.ProblemTypes;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class IdempotencyProblems {

    static final URI KEY_REUSED = URI.create("urn:relais:problem:idempotency-key-reused");

    @ExceptionHandler(IdempotencyKeyRefused.class)
    ResponseEntity<ProblemDetail> refused(IdempotencyKeyRefused ex) {
        HttpStatus status = HttpStatus.valueOf(ex.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        problem.setType(status == HttpStatus.BAD_REQUEST ? ProblemTypes.INVALID_REQUEST : KEY_REUSED);
        return ResponseEntity.status(status).body(problem);
    }
}
