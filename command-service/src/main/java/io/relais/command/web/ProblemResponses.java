package io.relais.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.common.AxonTransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal is an RFC 9457 problem whose detail says what is wrong, so that a caller can fix the
 * request without reading server logs. Bad input is always a 4xx; an unreachable store is a 503 that
 * invites a retry.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    static final URI INVALID_REQUEST = URI.create("urn:relais:problem:invalid-request");
    static final URI PAYLOAD_TOO_LARGE = URI.create("urn:relais:problem:payload-too-large");
    static final URI UNAVAILABLE = URI.create("urn:relais:problem:temporarily-unavailable");

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        RequestBodyLimit.BodyTooLargeException tooLarge = oversizedBodyCause(ex);
        if (tooLarge != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    "Request body is larger than " + tooLarge.limit() + " bytes");
            problem.setType(PAYLOAD_TOO_LARGE);
            return handleExceptionInternal(ex, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describeUnreadable(ex));
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request body");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<String> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> "'" + error.getField() + "' " + error.getDefaultMessage())
                .sorted()
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid request: " + String.join("; ", errors));
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request body");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler({AxonTransientException.class, TransientDataAccessException.class,
            DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException ex) {
        log.warn("Command refused, event store unavailable: {}", ex.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The event store is unavailable; nothing was written. Retry later.");
        problem.setType(UNAVAILABLE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @Nullable
    private static RequestBodyLimit.BodyTooLargeException oversizedBodyCause(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    private static String describeUnreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'; accepted fields: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
        }
        if (cause instanceof InvalidFormatException invalid) {
            String accepted = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? "; expected one of " + Arrays.toString(invalid.getTargetType().getEnumConstants())
                    : "";
            return "Invalid value " + invalid.getValue() + " for field '" + path(invalid) + "'" + accepted;
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return "Field '" + path(mismatched) + "' has the wrong JSON type"
                    + (mismatched.getTargetType() == null ? "" : "; expected " + simpleType(mismatched.getTargetType()));
        }
        if (cause instanceof JsonProcessingException malformed) {
            return "Malformed JSON: " + malformed.getOriginalMessage();
        }
        return "The request body is missing or is not a JSON object";
    }

    private static String path(JsonMappingException ex) {
        String path = ex.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "(body)" : path;
    }

    private static String simpleType(@Nullable Class<?> type) {
        if (type == null) {
            return "a value";
        }
        return type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants()) : type.getSimpleName();
    }
}
