package io.relais.query.task;

import io.relais.contract.task.TaskPriority;
import io.relais.websupport.security.ActorResolver;
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

    private final TaskReader tasks;
    private final ActorResolver actors;

    TaskController(TaskReader tasks, ActorResolver actors) {
        this.tasks = tasks;
        this.actors = actors;
    }

    /**
     * Newest first, among the tasks the caller may see. {@code type} is matched case-insensitively because the
     * command side stores types in upper case whatever the requester typed; {@code assignedAgent} exactly.
     */
    @GetMapping
    List<TaskView> list(@RequestParam Optional<TaskStatus> status,
                        @RequestParam Optional<String> type,
                        @RequestParam Optional<TaskPriority> priority,
                        @RequestParam Optional<String> assignedAgent,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_LIMIT) int limit) {
        TaskFilter filter = new TaskFilter(status,
                type.filter(t -> !t.isBlank()).map(t -> t.trim().toUpperCase(Locale.ROOT)),
                priority,
                assignedAgent.filter(a -> !a.isBlank()));
        return tasks.list(TaskVisibility.of(actors.require()), filter, limit);
    }

    /** The task and its timeline. A task the caller may not see is answered exactly like one that does not exist. */
    @GetMapping("/{id}")
    TaskDetail get(@PathVariable UUID id) {
        return tasks.detail(id, TaskVisibility.of(actors.require())).orElseThrow(() -> new TaskNotFoundException(id));
    }

    /** The task's events, oldest first; 404 exactly when {@code GET /api/tasks/{id}} is. */
    @GetMapping("/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable UUID id) {
        return tasks.timeline(id, TaskVisibility.of(actors.require())).orElseThrow(() -> new TaskNotFoundException(id));
    }
}
