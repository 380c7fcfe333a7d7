package io.relais.query.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.EventType;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import io.relais.query.projection.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TaskEventDecoderTest {

    private static final UUID TASK_ID = UUID.fromString("6f1c2f3e-2b7a-4c41-9a55-3f0d8c1b7e21");
    private static final Instant REQUESTED_AT = Instant.parse("2026-03-14T09:15:00Z");
    private static final String REQUESTED_TYPE = EventType.TASK_REQUESTED.cloudEventType();

    private final TaskEventDecoder decoder = new TaskEventDecoder();

    @Test
    void shouldMapTaskRequestedToARequestedRow_versionedByTheAggregateSequence_whenReadFromKafkaHeaders() {
        TaskRequested payload = TaskEvents.requested(TASK_ID, "Relancer les factures", "PAYMENT_REMINDER",
                REQUESTED_AT);
        CloudEvent event = TaskEvents.builder(TASK_ID.toString(), 3, REQUESTED_TYPE)
                .withTime(Instant.parse("2026-03-14T09:15:01Z").atOffset(ZoneOffset.UTC))
                .withData(TaskEvents.json(payload))
                .build();

        TaskEvent decoded = decoder.decode(throughKafka(event));

        assertThat(decoded).isEqualTo(new TaskEvent.Requested(TASK_ID.toString(), 3, new TaskView(TASK_ID,
                "Relancer les factures", "PAYMENT_REMINDER", TaskPriority.HIGH, TaskStatus.REQUESTED, "claire", "acme",
                REQUESTED_AT,
                Instant.parse("2026-03-14T09:15:01Z"), 3)));
    }

    @Test
    void shouldRecordNoRequester_whenTheEventCarriesNoActor() {
        TaskRequested payload = TaskEvents.requested(TASK_ID, "x", "INVOICING", REQUESTED_AT);
        CloudEvent event = TaskEvents.anonymousBuilder(TASK_ID.toString(), 0, REQUESTED_TYPE)
                .withData(TaskEvents.json(payload)).build();

        TaskView task = ((TaskEvent.Requested) decoder.decode(throughKafka(event))).task();

        assertThat(task.requestedBy()).isNull();
        assertThat(task.requesterOrganisation()).isNull();
    }

    @Test
    void shouldUseRequestedAtAsLastEventAt_whenTheEventHasNoTime() {
        TaskRequested payload = TaskEvents.requested(TASK_ID, "x", "INVOICING", REQUESTED_AT);
        CloudEvent event = TaskEvents.builder(TASK_ID.toString(), 0, REQUESTED_TYPE)
                .withData(TaskEvents.json(payload)).build();

        TaskView task = ((TaskEvent.Requested) decoder.decode(event)).task();

        assertThat(task.lastEventAt()).isEqualTo(REQUESTED_AT);
    }

    @Test
    void shouldIgnoreFieldsItDoesNotKnow_whenAProducerAddsOneToTheData() {
        String data = """
                {"taskId": "%s", "title": "x", "type": "INVOICING", "priority": "LOW",
                 "requestedAt": "2026-03-14T09:15:00Z", "requester": "someone"}""".formatted(TASK_ID);
        CloudEvent event = TaskEvents.builder(TASK_ID.toString(), 0, REQUESTED_TYPE)
                .withData(data.getBytes(StandardCharsets.UTF_8)).build();

        TaskView task = ((TaskEvent.Requested) decoder.decode(event)).task();

        assertThat(task.priority()).isEqualTo(TaskPriority.LOW);
        assertThat(task.requestedAt()).isEqualTo(REQUESTED_AT);
    }

    @Test
    void shouldReturnUnknownWithItsSequence_whenTheTypeIsNotInTheContract() {
        CloudEvent event = TaskEvents.builder(TASK_ID.toString(), 7, "relais.task.approved.v9")
                .withData("{}".getBytes(StandardCharsets.UTF_8)).build();

        assertThat(decoder.decode(throughKafka(event)))
                .isEqualTo(new TaskEvent.Unknown(TASK_ID.toString(), 7, "relais.task.approved.v9"));
    }

    @Test
    void shouldRejectAsInvalid_whenTheSubjectIsMissing() {
        CloudEvent event = CloudEventBuilder.v1(requestedEvent())
                .withSubject(null).build();

        assertInvalid(event, "subject is missing");
    }

    @Test
    void shouldRejectAsInvalid_whenTheSequenceIsMissingOrNotANumber() {
        assertInvalid(CloudEventBuilder.v1(requestedEvent())
                .withoutExtension(CloudEventAttributes.AGGREGATE_SEQUENCE).build(), "aggregatesequence is missing");
        assertInvalid(CloudEventBuilder.v1(requestedEvent())
                .withExtension(CloudEventAttributes.AGGREGATE_SEQUENCE, "first").build(), "is not a number: 'first'");
        assertInvalid(CloudEventBuilder.v1(requestedEvent())
                .withExtension(CloudEventAttributes.AGGREGATE_SEQUENCE, -1).build(), "is negative");
    }

    @Test
    void shouldRejectAsInvalid_whenTheDataIsNotJson() {
        CloudEvent event = CloudEventBuilder.v1(requestedEvent())
                .withData("{not json".getBytes(StandardCharsets.UTF_8)).build();

        assertInvalid(event, "data is not a valid TaskRequested");
    }

    @Test
    void shouldRejectAsInvalid_whenARequiredFieldIsMissing() {
        String data = """
                {"taskId": "%s", "type": "INVOICING", "priority": "LOW", "requestedAt": "2026-03-14T09:15:00Z"}"""
                .formatted(TASK_ID);
        CloudEvent event = CloudEventBuilder.v1(requestedEvent())
                .withData(data.getBytes(StandardCharsets.UTF_8)).build();

        assertInvalid(event, "data.title is missing");
    }

    @Test
    void shouldRejectAsInvalid_whenTheTaskIdDiffersFromTheSubject() {
        UUID other = UUID.randomUUID();
        CloudEvent event = CloudEventBuilder.v1(requestedEvent())
                .withData(TaskEvents.json(TaskEvents.requested(other, "x", "INVOICING", REQUESTED_AT))).build();

        assertInvalid(event, "data.taskId " + other + " differs from the subject");
    }

    @Test
    void shouldRejectAsInvalid_whenTheSubjectIsNotACanonicalUuid() {
        TaskRequested payload = TaskEvents.requested(TASK_ID, "x", "INVOICING", REQUESTED_AT);
        payload = new TaskRequested("1-2-3-4-5", payload.title(), payload.description(), payload.type(),
                TaskPriority.LOW, null, 0, "claire", payload.confidentiality(), payload.slaPolicy(), payload.calendar(),
                payload.dueAt(), REQUESTED_AT);
        CloudEvent event = TaskEvents.builder("1-2-3-4-5", 0, REQUESTED_TYPE)
                .withData(TaskEvents.json(payload)).build();

        assertInvalid(event, "subject '1-2-3-4-5' is not a UUID");
    }

    private static CloudEvent requestedEvent() {
        return TaskEvents.cloudEvent(TaskEvents.requested(TASK_ID, "x", "INVOICING", REQUESTED_AT));
    }

    private void assertInvalid(CloudEvent event, String problem) {
        assertThatThrownBy(() -> decoder.decode(event))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining(problem);
    }

    /** Binary mode as on the topic: attributes become text headers, so the sequence comes back as a string. */
    private static CloudEvent throughKafka(CloudEvent event) {
        var headers = new RecordHeaders();
        try (var serializer = new CloudEventSerializer(); var deserializer = new CloudEventDeserializer()) {
            serializer.configure(Map.of(), false);
            byte[] value = serializer.serialize("relais.tasks.v1", headers, event);
            return deserializer.deserialize("relais.tasks.v1", headers, value);
        }
    }
}
