package io.relais.query.task;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class TaskNotFoundException extends ErrorResponseException {

    static final URI TYPE = URI.create("urn:relais:problem:task-not-found");

    TaskNotFoundException(UUID taskId) {
        super(HttpStatus.NOT_FOUND, problem(taskId), null);
    }

    /** The projection trails the command side by a moment, hence the hint for a task created just now. */
    private static ProblemDetail problem(UUID taskId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No task with id " + taskId
                + " (a task created a moment ago may not be visible yet)");
        problem.setType(TYPE);
        problem.setTitle("Task not found");
        problem.setProperty("taskId", taskId);
        return problem;
    }
}
