package io.relais.command.personal;

import io.relais.contract.personal.DataSubjects;
import io.relais.contract.personal.PersonalDataErased;
import io.relais.contract.task.TaskApproved;
import io.relais.contract.task.TaskCancelled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Runs in the command's transaction (a subscribing processor, failures propagate): destroys the key with the
 * {@link PersonalDataErased} that says so, and notes when a task closed for the retention purge.
 */
@Component
@ProcessingGroup(KeyShredder.PROCESSING_GROUP)
class KeyShredder {

    static final String PROCESSING_GROUP = "personal-data-keys";

    private final KeyStore keys;

    KeyShredder(KeyStore keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(PersonalDataErased event) {
        keys.erase(event.subjectId(), event.erasedAt());
    }

    @EventHandler
    void on(TaskApproved event) {
        keys.closed(DataSubjects.ofTask(event.taskId()), event.approvedAt());
    }

    @EventHandler
    void on(TaskCancelled event) {
        keys.closed(DataSubjects.ofTask(event.taskId()), event.cancelledAt());
    }
}
