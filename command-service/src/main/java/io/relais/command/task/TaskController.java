package io.relais.command.task;

import io.relais.command.idempotency.IdempotentCommands;
import io.relais.command.task.TaskBodies.AssignBody;
import io.relais.command.task.TaskBodies.CompletionBody;
import io.relais.command.task.TaskBodies.IncidentBody;
import io.relais.command.task.TaskBodies.PriorityBody;
import io.relais.command.task.TaskBodies.RatingBody;
import io.relais.command.task.TaskBodies.ReasonBody;
import io.relais.command.task.TaskBodies.RequestTaskBody;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The task commands over HTTP: one resource per action, each answering the task's new status. Who may call
 * which is {@link TaskAccessRules}; which tasks each caller may act on, the aggregate decides.
 */
@RestController
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class TaskController {

    private final TaskRequests tasks;
    private final IdempotentCommands idempotency;
    private final URI queryServiceUrl;

    TaskController(TaskRequests tasks, IdempotentCommands idempotency, TaskLinks links) {
        this.tasks = tasks;
        this.idempotency = idempotency;
        this.queryServiceUrl = links.queryServiceUrl();
    }

    /**
     * Answers once the event is committed to the event store; the Location points at the query service,
     * where the task becomes readable as soon as the projection has caught up.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> request(@Valid @RequestBody RequestTaskBody body,
                              @RequestHeader(name = IdempotentCommands.HEADER, required = false) String idempotencyKey) {
        return idempotency.execute(actor().name(), idempotencyKey, body, () -> {
            String taskId = tasks.request(body);
            return ResponseEntity.created(queryServiceUrl.resolve("/api/tasks/" + taskId)).body(Map.of("id", taskId));
        });
    }

    @PostMapping(path = "/{id}/assignment", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> assign(@PathVariable UUID id, @Valid @RequestBody AssignBody body) {
        return answer(id, tasks.assign(id, body));
    }

    @PostMapping("/{id}/start")
    Map<String, Object> start(@PathVariable UUID id) {
        return answer(id, tasks.send(new TaskCommands.StartTask(id.toString(), actor(), tasks.now())));
    }

    @PostMapping(path = "/{id}/hold", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> putOnHold(@PathVariable UUID id, @Valid @RequestBody ReasonBody body) {
        return answer(id, tasks.send(new TaskCommands.PutTaskOnHold(id.toString(), body.reason(), actor(), tasks.now())));
    }

    @PostMapping("/{id}/resumption")
    Map<String, Object> resume(@PathVariable UUID id) {
        return answer(id, tasks.send(new TaskCommands.ResumeTask(id.toString(), actor(), tasks.now())));
    }

    @PostMapping(path = "/{id}/completion", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> complete(@PathVariable UUID id, @Valid @RequestBody CompletionBody body) {
        return answer(id, tasks.send(new TaskCommands.CompleteTask(id.toString(), body.timeSpentMinutes(),
                body.results(), actor(), tasks.now())));
    }

    @PostMapping("/{id}/approval")
    Map<String, Object> approve(@PathVariable UUID id) {
        return answer(id, tasks.send(new TaskCommands.ApproveTask(id.toString(), actor(), tasks.now())));
    }

    @PostMapping(path = "/{id}/rework", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> requestRework(@PathVariable UUID id, @Valid @RequestBody ReasonBody body) {
        return answer(id, tasks.send(new TaskCommands.RequestRework(id.toString(), body.reason(), actor(), tasks.now())));
    }

    @PostMapping(path = "/{id}/escalation", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> escalate(@PathVariable UUID id, @Valid @RequestBody ReasonBody body) {
        return answer(id, tasks.send(new TaskCommands.EscalateTask(id.toString(), body.reason(), actor(), tasks.now())));
    }

    @PostMapping(path = "/{id}/priority", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> reprioritize(@PathVariable UUID id, @Valid @RequestBody PriorityBody body) {
        return answer(id, tasks.send(new TaskCommands.ReprioritizeTask(id.toString(), body.priority(), actor(),
                tasks.now())));
    }

    @PostMapping(path = "/{id}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> cancel(@PathVariable UUID id, @Valid @RequestBody ReasonBody body) {
        return answer(id, tasks.send(new TaskCommands.CancelTask(id.toString(), body.reason(), actor(), tasks.now())));
    }

    @PostMapping(path = "/{id}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> rate(@PathVariable UUID id, @Valid @RequestBody RatingBody body) {
        return answer(id, tasks.send(new TaskCommands.RateTask(id.toString(), body.rating(), body.comment(), actor(),
                tasks.now())));
    }

    @PostMapping(path = "/{id}/incidents", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> reportIncident(@PathVariable UUID id, @Valid @RequestBody IncidentBody body,
                                     @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key) {
        return idempotency.execute(actor().name(), key, Map.of("task", id, "incident", body), () -> {
            String incidentId = UUID.randomUUID().toString();
            TaskStatus status = tasks.send(new TaskCommands.ReportIncident(id.toString(), incidentId, body.kind(),
                    body.severity(), body.description(), actor(), tasks.now()));
            return ResponseEntity.status(201)
                    .body(Map.of("taskId", id.toString(), "status", status, "incidentId", incidentId));
        });
    }

    private io.relais.contract.actor.Actor actor() {
        return tasks.actors().require();
    }

    private static Map<String, Object> answer(UUID id, TaskStatus status) {
        return Map.of("taskId", id.toString(), "status", status);
    }
}
