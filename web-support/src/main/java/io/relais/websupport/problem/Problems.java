package io.relais.websupport.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.HandlerMapping;

/** Small builders shared by the controllers' own exception handlers. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /**
     * A 409 for an action the item's state does not allow, naming that state and what is allowed instead.
     */
    public static ProblemDetail actionNotAllowed(URI type, String detail, String idName, String id, Enum<?> currentState,
                                                 Collection<? extends Enum<?>> allowedActions) {
        ProblemDetail problem = of(HttpStatus.CONFLICT, type, "Action not allowed in this state", detail);
        problem.setProperty(idName, id);
        problem.setProperty("currentState", currentState.name());
        problem.setProperty("allowedActions", allowedActions.stream().map(Enum::name).toList());
        return problem;
    }

    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** A path variable of the request being answered (e.g. the {@code id} of an item that was not found). */
    public static Object pathVariable(HttpServletRequest request, String name) {
        return request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                ? variables.get(name) : null;
    }
}
