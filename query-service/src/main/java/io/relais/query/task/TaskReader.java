package io.relais.query.task;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads for the API. A task and its timeline are read in one snapshot, so that the timeline ends exactly at the
 * task's version even while events are being applied.
 */
@Service
class TaskReader {

    private final TaskRepository tasks;
    private final TaskTimeline timeline;

    TaskReader(TaskRepository tasks, TaskTimeline timeline) {
        this.tasks = tasks;
        this.timeline = timeline;
    }

    @Transactional(readOnly = true)
    public List<TaskView> list(TaskVisibility visibility, TaskFilter filter, int limit) {
        return tasks.list(visibility, filter, limit);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<TaskDetail> detail(UUID taskId, TaskVisibility visibility) {
        return tasks.find(taskId, visibility).map(task -> new TaskDetail(task, timeline.of(taskId)));
    }

    /** Empty when the task does not exist or the caller may not see it: the same rule as the task itself. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<List<TimelineEntry>> timeline(UUID taskId, TaskVisibility visibility) {
        return tasks.find(taskId, visibility).map(task -> timeline.of(taskId));
    }
}
