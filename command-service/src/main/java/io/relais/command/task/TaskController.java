package io.relais.command.task;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class TaskController {

    private final CommandGateway commands;
    private final Clock clock;
    private final Supplier<UUID> taskIds;
    private final URI queryServiceUrl;

    TaskController(CommandGateway commands, Clock clock, Supplier<UUID> taskIds, TaskLinks links) {
        this.commands = commands;
        this.clock = clock;
        this.taskIds = taskIds;
        this.queryServiceUrl = links.queryServiceUrl();
    }

    /**
     * Answers once the event is committed to the event store; the Location points at the query service,
     * where the task becomes readable as soon as the projection has caught up.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> request(@Valid @RequestBody TaskRequestBody body) {
        String taskId = taskIds.get().toString();
        commands.sendAndWait(body.toCommand(taskId, clock.instant()));
        URI location = queryServiceUrl.resolve("/api/tasks/" + taskId);
        return ResponseEntity.created(location).body(Map.of("id", taskId));
    }
}
