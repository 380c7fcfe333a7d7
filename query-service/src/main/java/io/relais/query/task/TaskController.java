package io.relais.query.task;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
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

    TaskController(TaskRepository tasks) {
        this.tasks = tasks;
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
        return tasks.list(status, normalisedType, limit);
    }

    @GetMapping("/{id}")
    TaskView get(@PathVariable UUID id) {
        return tasks.find(id).orElseThrow(() -> new TaskNotFoundException(id));
    }
}
