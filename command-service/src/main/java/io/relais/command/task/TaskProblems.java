package io.relais.command.task;

import io.relais.websupport.problem.ProblemTypes;
import java.net.URI;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The task refusals as problems: nothing was written in any of these cases. */
@RestControllerAdvice(assignableTypes = TaskController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaskProblems {

    static final URI ACTION_NOT_ALLOWED = URI.create("urn:relais:problem:action-not-allowed");
    static final URI RULE_VIOLATED = URI.create("urn:relais:problem:rule-violated");
    static final URI MISSING_ACCESS = URI.create("urn:relais:problem:missing-access");
    static final URI TASK_NOT_FOUND = URI.create("urn:relais:problem:task-not-found");

    @ExceptionHandler(TaskActionNotAllowed.class)
    ProblemDetail actionNotAllowed(TaskActionNotAllowed ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, ACTION_NOT_ALLOWED, ex.getMessage());
        problem.setProperty("currentState", ex.currentState());
        problem.setProperty("allowedActions", ex.allowedActions());
        return problem;
    }

    @ExceptionHandler(TaskRuleViolated.class)
    ProblemDetail ruleViolated(TaskRuleViolated ex) {
        return problem(HttpStatus.CONFLICT, RULE_VIOLATED, ex.getMessage());
    }

    @ExceptionHandler(MissingAccess.class)
    ProblemDetail missingAccess(MissingAccess ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, MISSING_ACCESS, ex.getMessage());
        problem.setTitle("Missing access");
        problem.setProperty("agent", ex.agent());
        problem.setProperty("missingResources", ex.missingResources());
        return problem;
    }

    @ExceptionHandler({TaskNotVisible.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException ex) {
        Object id = ex instanceof AggregateNotFoundException missing ? missing.getAggregateIdentifier() : null;
        return problem(HttpStatus.NOT_FOUND, TASK_NOT_FOUND,
                id != null ? "No task with id " + id : ex.getMessage());
    }

    @ExceptionHandler(InvalidTaskRequest.class)
    ProblemDetail invalid(InvalidTaskRequest ex) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, ex.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        return problem;
    }
}
