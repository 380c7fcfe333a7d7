package io.relais.command.task;

/**
 * The caller may not act on this task (another requester's, another provider's): answered 404 exactly like
 * a task that does not exist, so that nothing leaks.
 */
public class TaskNotVisible extends RuntimeException {

    public TaskNotVisible(String taskId) {
        super("No task with id " + taskId);
    }
}
