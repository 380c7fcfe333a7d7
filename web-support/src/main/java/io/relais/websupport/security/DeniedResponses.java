package io.relais.websupport.security;

import io.relais.websupport.correlation.CorrelationId;
import io.relais.websupport.problem.ProblemTypes;
import io.relais.websupport.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem+json, each one recorded as a {@link DeniedAttempt}. */
public class DeniedResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter problems;
    private final DeniedAttemptRecorder recorder;
    private final Clock clock;
    private final boolean basicChallenge;

    public DeniedResponses(ProblemWriter problems, DeniedAttemptRecorder recorder, Clock clock, boolean basicChallenge) {
        this.problems = problems;
        this.recorder = recorder;
        this.clock = clock;
        this.basicChallenge = basicChallenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        record(request, DeniedAttempt.Kind.UNAUTHENTICATED, null, reason.getMessage());
        response.setHeader("WWW-Authenticate", basicChallenge ? "Basic realm=\"relais\"" : "Bearer");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED,
                "Authentication required: " + (reason.getMessage() == null ? "no valid credentials" : reason.getMessage()));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException reason)
            throws IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String principal = authentication == null ? null : authentication.getName();
        record(request, DeniedAttempt.Kind.FORBIDDEN, principal, reason.getMessage());
        problems.write(request, response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI());
    }

    private void record(HttpServletRequest request, DeniedAttempt.Kind kind, String principal, String reason) {
        recorder.record(new DeniedAttempt(UUID.randomUUID(), clock.instant(), kind, principal, request.getMethod(),
                truncate(request.getRequestURI(), 2048), request.getRemoteAddr(), CorrelationId.of(request),
                truncate(reason, 512)));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
