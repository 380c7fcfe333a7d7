package io.relais.websupport.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.relais.websupport.limits.BodyTooLargeException;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal is an RFC 9457 problem whose detail says what is wrong, so that a caller can fix the
 * request without reading server logs. Spring's own handling covers the rest of the MVC exceptions
 * (404 for unknown routes, 405, 406, 415, type mismatches) with problem bodies too.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        BodyTooLargeException tooLarge = oversizedBodyCause(ex);
        if (tooLarge != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    "Request body is larger than " + tooLarge.limit() + " bytes");
            problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
            return handleExceptionInternal(ex, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describeUnreadable(ex));
        problem.setType(ProblemTypes.INVALID_REQUEST);
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
        problem.setType(ProblemTypes.INVALID_REQUEST);
        problem.setTitle("Invalid request body");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Nullable
    private static BodyTooLargeException oversizedBodyCause(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
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

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName();
        Class<?> expected = ex instanceof MethodArgumentTypeMismatchException argument
                ? argument.getParameter().nestedIfOptional().getNestedParameterType() : ex.getRequiredType();
        ProblemDetail problem = invalidRequest("'" + name + "' must be " + describeType(expected) + "; got '"
                + ex.getValue() + "'");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<String> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error ->
                        "'" + result.getMethodParameter().getParameterName() + "' " + error.getDefaultMessage()
                                + "; got '" + result.getArgument() + "'"))
                .sorted()
                .toList();
        ProblemDetail problem = invalidRequest(String.join("; ", errors));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail invalidRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(ProblemTypes.INVALID_REQUEST);
        problem.setTitle("Invalid request");
        return problem;
    }

    private static String describeType(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        return "a valid " + type.getSimpleName();
    }
}
