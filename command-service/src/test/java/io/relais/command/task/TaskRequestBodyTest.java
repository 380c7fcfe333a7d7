package io.relais.command.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.relais.contract.task.TaskPriority;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaskRequestBodyTest {

    private static final Instant NOW = Instant.parse("2026-03-16T08:30:00Z");

    @Test
    void shouldDefaultToNormalPriority_whenNoneGiven() {
        RequestTask command = new TaskRequestBody("Saisir les notes de frais", "DATA_ENTRY", null).toCommand("t-1", NOW);

        assertThat(command.priority()).isEqualTo(TaskPriority.NORMAL);
    }

    @Test
    void shouldNormaliseTypeToUpperCase_andStripTheTitle() {
        RequestTask command = new TaskRequestBody("  Facture client X ", "invoicing", TaskPriority.LOW)
                .toCommand("t-1", NOW);

        assertThat(command.type()).isEqualTo("INVOICING");
        assertThat(command.title()).isEqualTo("Facture client X");
        assertThat(command.requestedAt()).isEqualTo(NOW);
        assertThat(command.taskId()).isEqualTo("t-1");
    }
}
