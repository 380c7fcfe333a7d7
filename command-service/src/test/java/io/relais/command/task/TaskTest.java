package io.relais.command.task;

import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2026-03-16T08:30:00Z");

    private AggregateTestFixture<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
    }

    @Test
    void shouldRecordTaskRequested_withTheRequestAsGiven() {
        fixture.givenNoPriorActivity()
                .when(new RequestTask("t-1", "Relancer les impayés", "PAYMENT_REMINDER", TaskPriority.HIGH,
                        MONDAY_MORNING))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TaskRequested("t-1", "Relancer les impayés", "PAYMENT_REMINDER", TaskPriority.HIGH,
                        MONDAY_MORNING))
                .expectState(task -> org.assertj.core.api.Assertions.assertThat(task.status())
                        .isEqualTo(TaskStatus.REQUESTED));
    }
}
