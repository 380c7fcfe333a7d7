package io.relais.contract.task;

import java.time.Instant;
import java.util.List;

/**
 * The agent delivered: the task awaits approval and the SLA clock pauses (it is the client's turn).
 *
 * @param timeSpentMinutes the time the agent spent on this round of work; after rework a task is completed again,
 *                         and its time spent is the sum over its completions (the basis of "time saved" and
 *                         "cost per task"
 */
public record TaskCompleted(String taskId, int timeSpentMinutes, List<ChecklistResult> checklist, String completedBy,
                            Instant completedAt) {

    public TaskCompleted {
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
    }
}
