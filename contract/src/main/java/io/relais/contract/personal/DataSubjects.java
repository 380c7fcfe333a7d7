package io.relais.contract.personal;

import java.lang.reflect.RecordComponent;
import java.util.Optional;

/**
 * Whose key encrypts an event's personal fields. The data subject is the <b>task</b>: {@code task-<taskId>}. All the
 * personal text of a task (its title and description, hold, rework and cancellation reasons, incident descriptions,
 * checklist notes, rating comment) shares one key, so that a task's personal data can be erased on its own
 * (retention purge of a closed task, an erasure request about that request) without touching the requester's other
 * tasks. Staff identifiers (requester, actors, agents) are not encrypted: they are the accountability of the
 * back office (who did what), needed by access rules and audits, and are not free text.
 */
public final class DataSubjects {

    public static final String TASK_PREFIX = "task-";

    /** The subject of a task's personal data. */
    public static String ofTask(String taskId) {
        return TASK_PREFIX + taskId;
    }

    /** The task a subject id names, if it names one. */
    public static Optional<String> taskOf(String subjectId) {
        return subjectId != null && subjectId.startsWith(TASK_PREFIX) && subjectId.length() > TASK_PREFIX.length()
                ? Optional.of(subjectId.substring(TASK_PREFIX.length())) : Optional.empty();
    }

    /** The subject of an event's personal fields: events holding personal data are task events ({@code taskId}). */
    public static Optional<String> of(Object event) {
        if (event == null || !event.getClass().isRecord()) {
            return Optional.empty();
        }
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().equals("taskId")) {
                try {
                    Object id = component.getAccessor().invoke(event);
                    return id == null ? Optional.empty() : Optional.of(ofTask(id.toString()));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read the task id of " + event.getClass().getName(), e);
                }
            }
        }
        return Optional.empty();
    }

    private DataSubjects() {
    }
}
