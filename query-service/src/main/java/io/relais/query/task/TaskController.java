package io.relais.query.task;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import io.relais.websupport.security.ActorResolver;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    static final int MAX_LIMIT = 500;

    private final TaskRepository tasks;
    private final ActorResolver actors;

    TaskController(TaskRepository tasks, ActorResolver actors) {
        this.tasks = tasks;
        this.actors = actors;
    }

    /**
     * Newest first. {@code type} is matched case-insensitively because the command side stores types in
     * upper case whatever the requester typed.
     */
    @GetMapping
    List<TaskView> list(@RequestParam Optional<TaskStatus> status,
                        @RequestParam Optional<String> type,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_LIMIT) int limit) {
        Optional<String> normalisedType = type.filter(t -> !t.isBlank()).map(t -> t.trim().toUpperCase(Locale.ROOT));
        return tasks.list(TaskVisibility.of(actors.require()), status, normalisedType, limit);
    }

    /** A task the caller may not see is answered exactly like one that does not exist. */
    @GetMapping("/{id}")
    TaskView get(@PathVariable UUID id) {
        return tasks.find(id, TaskVisibility.of(actors.require())).orElseThrow(() -> new TaskNotFoundException(id));
    }
}
