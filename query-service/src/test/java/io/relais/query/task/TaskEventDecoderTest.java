package io.relais.query.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.EventType;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.ChecklistResult;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.IncidentKind;
import io.relais.contract.task.IncidentSeverity;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import io.relais.query.projection.InvalidRecordException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every task event of the contract, from its JSON example as published (binary mode through Kafka's serializer),
 * decoded and applied to a task's row.
 */
class TaskEventDecoderTest {

    /** The task of the contract's examples. */
    private static final UUID TASK_ID = UUID.fromString("6f1c2f3e-2b7a-4c41-9a55-3f0d8c1b7e21");
    private static final Instant REQUESTED_AT = Instant.parse("2026-03-14T09:15:00Z");
    private static final Instant EVENT_TIME = Instant.parse("2026-03-20T12:00:00Z");
    private static final String REQUESTED_TYPE = EventType.TASK_REQUESTED.cloudEventType();

    private final TaskEventDecoder decoder = new TaskEventDecoder();

    // --- TaskRequested -------------------------------------------------------------------------------------------

    @Test
    void shouldCreateARequestedRow_withEveryFieldOfTheRequest_whenTheContractExampleIsRead() {
        TaskEvent decoded = decoder.decode(throughKafka(example(EventType.TASK_REQUESTED, 0, TaskEvents.CLAIRE)));

        TaskView task = ((TaskEvent.Requested) decoded).newTask().view();
        assertThat(task.taskId()).isEqualTo(TASK_ID);
        assertThat(task.title()).isEqualTo("Relancer les factures impayées d'octobre");
        assertThat(task.description()).isEqualTo("Clients Dupont et Martin");
        assertThat(task.type()).isEqualTo("PAYMENT_REMINDER");
        assertThat(task.priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(task.status()).isEqualTo(TaskStatus.REQUESTED);
        assertThat(task.processId()).isEqualTo("b2d7a1c4-5e6f-4a8b-9c0d-1e2f3a4b5c6d");
        assertThat(task.processVersion()).isEqualTo(2);
        assertThat(task.confidentiality()).isEqualTo(Confidentiality.CONFIDENTIAL);
        assertThat(task.slaPolicy()).isEqualTo("BUSINESS_HOURS(24)");
        assertThat(task.calendar()).isEqualTo(new CalendarSpec("Europe/Paris", List.of("MON-FRI 09:00-18:00"), "FR",
                List.of(LocalDate.parse("2026-12-24"))));
        assertThat(task.dueAt()).isEqualTo(Instant.parse("2026-03-18T13:00:00Z"));
        assertThat(task.requestedAt()).isEqualTo(Instant.parse("2026-03-13T16:00:00Z"));
        assertThat(task.requestedBy()).isEqualTo("claire");
        assertThat(task.requesterOrganisation()).isEqualTo("acme");
        assertThat(task.lastEventAt()).isEqualTo(EVENT_TIME);
        assertThat(task.version()).isZero();
        assertThat(task.assignedAgent()).isNull();
        assertThat(task.timeSpentMinutes()).isZero();
        assertThat(task.rating()).isNull();
    }

    @Test
    void shouldVersionTheRowByTheAggregateSequence_whenTheSequenceArrivesAsAHeader() {
        TaskRequested payload = TaskEvents.requested(TASK_ID, "Relancer les factures", "PAYMENT_REMINDER",
                REQUESTED_AT);
        CloudEvent event = TaskEvents.builder(TASK_ID.toString(), 3, REQUESTED_TYPE)
                .withTime(Instant.parse("2026-03-14T09:15:01Z").atOffset(ZoneOffset.UTC))
                .withData(TaskEvents.json(payload))
                .build();

        TaskEvent.Requested decoded = (TaskEvent.Requested) decoder.decode(throughKafka(event));

        assertThat(decoded.sequence()).isEqualTo(3);
        assertThat(decoded.newTask().version).isEqualTo(3);
        assertThat(decoded.newTask().lastEventAt).isEqualTo(Instant.parse("2026-03-14T09:15:01Z"));
    }

    @Test
    void shouldRecordNoRequester_whenTheEventCarriesNoActor() {
        TaskRequested payload = TaskEvents.requested(TASK_ID, "x", "INVOICING", REQUESTED_AT);
        CloudEvent event = TaskEvents.anonymousBuilder(TASK_ID.toString(), 0, REQUESTED_TYPE)
                .withData(TaskEvents.json(payload)).build();

        TaskEvent.Requested decoded = (TaskEvent.Requested) decoder.decode(throughKafka(event));

        assertThat(decoded.newTask().requestedBy).isNull();
        assertThat(decoded.newTask().requesterOrganisation).isNull();
        assertThat(decoded.recorded().actor()).isNull();
        assertThat(decoded.recorded().actorRoles()).isEmpty();
    }

    @Test
    void shouldUseRequestedAtAsLastEventAt_whenTheEventHasNoTime() {
        TaskRequested payload = TaskEvents.requested(TASK_ID, "x", "INVOICING", REQUESTED_AT);
        CloudEvent event = TaskEvents.builder(TASK_ID.toString(), 0, REQUESTED_TYPE)
                .withData(TaskEvents.json(payload)).build();

        TaskRow task = ((TaskEvent.Requested) decoder.decode(event)).newTask();

        assertThat(task.lastEventAt).isEqualTo(REQUESTED_AT);
    }

    @Test
    void shouldIgnoreFieldsItDoesNotKnow_whenAProducerAddsOneToTheData() {
        String data = """
                {"taskId": "%s", "title": "x", "type": "INVOICING", "priority": "LOW",
                 "requestedAt": "2026-03-14T09:15:00Z", "requester": "someone", "newField": 42}""".formatted(TASK_ID);
        CloudEvent event = TaskEvents.builder(TASK_ID.toString(), 0, REQUESTED_TYPE)
                .withData(data.getBytes(StandardCharsets.UTF_8)).build();

        TaskRow task = ((TaskEvent.Requested) decoder.decode(event)).newTask();

        assertThat(task.priority).isEqualTo(TaskPriority.LOW);
        assertThat(task.requestedAt).isEqualTo(REQUESTED_AT);
        assertThat(task.requestedBy).as("the actor, not the data").isEqualTo("claire");
    }

    // --- every type -----------------------------------------------------------------------------------------------

    static Stream<Arguments> taskEventTypes() {
        return Stream.of(
                Arguments.of(EventType.TASK_REQUESTED, TaskEvent.Requested.class),
                Arguments.of(EventType.TASK_ASSIGNED, TaskEvent.Assigned.class),
                Arguments.of(EventType.TASK_STARTED, TaskEvent.Started.class),
                Arguments.of(EventType.TASK_PUT_ON_HOLD, TaskEvent.PutOnHold.class),
                Arguments.of(EventType.TASK_RESUMED, TaskEvent.Resumed.class),
                Arguments.of(EventType.TASK_COMPLETED, TaskEvent.Completed.class),
                Arguments.of(EventType.TASK_APPROVED, TaskEvent.Approved.class),
                Arguments.of(EventType.TASK_REWORK_REQUESTED, TaskEvent.ReworkRequested.class),
                Arguments.of(EventType.TASK_ESCALATED, TaskEvent.Escalated.class),
                Arguments.of(EventType.TASK_REPRIORITIZED, TaskEvent.Reprioritized.class),
                Arguments.of(EventType.TASK_CANCELLED, TaskEvent.Cancelled.class),
                Arguments.of(EventType.TASK_RATED, TaskEvent.Rated.class),
                Arguments.of(EventType.INCIDENT_REPORTED, TaskEvent.IncidentReportedOn.class),
                Arguments.of(EventType.TASK_ACCESS_LOST, TaskEvent.AccessLost.class));
    }

    @Test
    void shouldCoverEveryTaskEventOfTheCatalogue_whenTheContractGrows() {
        assertThat(taskEventTypes().map(arguments -> arguments.get()[0]))
                .containsExactlyInAnyOrderElementsOf(Stream.of(EventType.values())
                        .filter(type -> type.aggregateType().equals("task")).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taskEventTypes")
    void shouldDecodeTheContractExample_intoItsVariant_withTheContractRecordAndTheActor(EventType type,
                                                                                      Class<?> variant) {
        TaskEvent decoded = decoder.decode(throughKafka(example(type, 5, TaskEvents.MARC)));

        assertThat(decoded).isInstanceOf(variant);
        TaskEvent.Known known = (TaskEvent.Known) decoded;
        assertThat(known.taskId()).isEqualTo(TASK_ID);
        assertThat(known.aggregateId()).isEqualTo(TASK_ID.toString());
        assertThat(known.sequence()).isEqualTo(5);
        assertThat(known.payload()).isInstanceOf(type.payloadClass());
        assertThat(known.recorded()).isEqualTo(new TaskEvent.Recorded(known.recorded().eventId(),
                type.cloudEventType(), "marc", List.of("APPROVER"), "acme", "test-" + TASK_ID, EVENT_TIME));
    }

    @Test
    void shouldAssignTheAgentAndMakeTheTaskVisibleToTheirOrganisation_whenTaskAssigned() {
        TaskRow task = apply(EventType.TASK_ASSIGNED, requestedTask());

        assertThat(task.status).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(task.assignedAgent).isEqualTo("amina");
        assertThat(task.assignedOrganisation).isEqualTo("backoffice-pro");
        assertThat(task.engagementId).isEqualTo("0a9b8c7d-6e5f-4d3c-8b2a-1f0e9d8c7b6a");
        assertThat(task.assignedAt).isEqualTo(Instant.parse("2026-03-13T16:05:00Z"));
    }

    @Test
    void shouldMoveToInProgress_withTheStartTime_whenTaskStarted() {
        TaskRow task = requestedTask();
        task.status = TaskStatus.ASSIGNED;

        apply(EventType.TASK_STARTED, task);

        assertThat(task.status).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(task.startedAt).isEqualTo(Instant.parse("2026-03-16T08:10:00Z"));
    }

    @Test
    void shouldPutOnHold_rememberingTheStatusBefore_whenTaskPutOnHold() {
        TaskRow task = requestedTask();
        task.status = TaskStatus.ASSIGNED;

        apply(EventType.TASK_PUT_ON_HOLD, task);

        assertThat(task.status).isEqualTo(TaskStatus.ON_HOLD);
        assertThat(task.statusBeforeHold).isEqualTo(TaskStatus.ASSIGNED);
    }

    @Test
    void shouldGoBackToTheStatusBeforeTheHold_whenTaskResumed() {
        TaskRow task = requestedTask();
        task.status = TaskStatus.IN_PROGRESS;
        apply(EventType.TASK_PUT_ON_HOLD, task);

        apply(EventType.TASK_RESUMED, task);

        assertThat(task.status).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(task.statusBeforeHold).isNull();
    }

    @Test
    void shouldBeDone_addingTheTimeSpentAndKeepingTheChecklist_whenTaskCompleted() {
        TaskRow task = requestedTask();
        task.status = TaskStatus.IN_PROGRESS;
        task.timeSpentMinutes = 30;

        apply(EventType.TASK_COMPLETED, task);

        assertThat(task.status).isEqualTo(TaskStatus.DONE);
        assertThat(task.timeSpentMinutes).as("30 of an earlier round + 45").isEqualTo(75);
        assertThat(task.checklist).containsExactly(new ChecklistResult("Montant vérifié", true, null),
                new ChecklistResult("Bon destinataire", true, "contrôlé dans le CRM"));
        assertThat(task.completedAt).isEqualTo(Instant.parse("2026-03-16T15:00:00Z"));
    }

    @Test
    void shouldBeApproved_withItsTime_whenTaskApproved() {
        TaskRow task = requestedTask();
        task.status = TaskStatus.DONE;

        apply(EventType.TASK_APPROVED, task);

        assertThat(task.status).isEqualTo(TaskStatus.APPROVED);
        assertThat(task.approvedAt).isEqualTo(Instant.parse("2026-03-16T16:20:00Z"));
    }

    @Test
    void shouldBeInProgressAgain_countingOneMoreRework_whenTaskReworkRequested() {
        TaskRow task = requestedTask();
        task.status = TaskStatus.DONE;
        task.reworkCount = 1;

        apply(EventType.TASK_REWORK_REQUESTED, task);

        assertThat(task.status).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(task.reworkCount).isEqualTo(2);
    }

    @Test
    void shouldFlagAndCountTheEscalation_leavingTheStatus_whenTaskEscalated() {
        TaskRow task = requestedTask();

        apply(EventType.TASK_ESCALATED, task);
        apply(EventType.TASK_ESCALATED, task);

        assertThat(task.escalated).isTrue();
        assertThat(task.escalationCount).isEqualTo(2);
        assertThat(task.status).isEqualTo(TaskStatus.REQUESTED);
    }

    @Test
    void shouldTakeTheNewPriority_whenTaskReprioritized() {
        TaskRow task = apply(EventType.TASK_REPRIORITIZED, requestedTask());

        assertThat(task.priority).isEqualTo(TaskPriority.CRITICAL);
    }

    @Test
    void shouldBeCancelled_forgettingAnyHold_whenTaskCancelledWhileOnHold() {
        TaskRow task = requestedTask();
        task.status = TaskStatus.ASSIGNED;
        apply(EventType.TASK_PUT_ON_HOLD, task);

        apply(EventType.TASK_CANCELLED, task);

        assertThat(task.status).isEqualTo(TaskStatus.CANCELLED);
        assertThat(task.statusBeforeHold).isNull();
        assertThat(task.cancelledAt).isEqualTo(Instant.parse("2026-03-13T16:30:00Z"));
    }

    @Test
    void shouldRecordTheRating_whenTaskRated() {
        TaskRow task = requestedTask();
        task.status = TaskStatus.APPROVED;

        apply(EventType.TASK_RATED, task);

        assertThat(task.rating).isEqualTo(9);
        assertThat(task.status).isEqualTo(TaskStatus.APPROVED);
    }

    @Test
    void shouldCountTheIncident_whenIncidentReported() {
        TaskRow task = requestedTask();

        TaskEvent.IncidentReportedOn incident = (TaskEvent.IncidentReportedOn) decoder.decode(
                throughKafka(example(EventType.INCIDENT_REPORTED, 1, TaskEvents.MARC)));
        incident.applyTo(task);

        assertThat(task.incidentCount).isEqualTo(1);
        assertThat(incident.payload().kind()).isEqualTo(IncidentKind.DATA_INCIDENT);
        assertThat(incident.payload().severity()).isEqualTo(IncidentSeverity.HIGH);
    }

    @Test
    void shouldFallBackToTheInstantOfTheData_whenAChangeHasNoTime() {
        CloudEvent event = CloudEventBuilder.v1(example(EventType.TASK_APPROVED, 1, TaskEvents.MARC))
                .withTime(null).build();

        TaskEvent.Known decoded = (TaskEvent.Known) decoder.decode(event);

        assertThat(decoded.recorded().occurredAt()).isEqualTo(Instant.parse("2026-03-16T16:20:00Z"));
    }

    @Test
    void shouldKeepEveryRole_whenTheActorHasSeveral() {
        CloudEvent event = CloudEventBuilder.v1(example(EventType.TASK_ESCALATED, 1, TaskEvents.MARC))
                .withExtension(CloudEventAttributes.ACTOR_ROLES, "APPROVER, ADMIN,").build();

        TaskEvent.Known decoded = (TaskEvent.Known) decoder.decode(throughKafka(event));

        assertThat(decoded.recorded().actorRoles()).containsExactly("APPROVER", "ADMIN");
    }

    // --- refused --------------------------------------------------------------------------------------------------

    @Test
    void shouldReturnUnknownWithItsSequence_whenTheTypeIsNotInTheContract() {
        CloudEvent event = TaskEvents.builder(TASK_ID.toString(), 7, "relais.task.approved.v9")
                .withData("{}".getBytes(StandardCharsets.UTF_8)).build();

        assertThat(decoder.decode(throughKafka(event)))
                .isEqualTo(new TaskEvent.Unknown(TASK_ID.toString(), 7, "relais.task.approved.v9"));
    }

    @Test
    void shouldRejectAsInvalid_whenAnEventOfAnotherAggregateIsOnTheTaskTopic() {
        CloudEvent event = TaskEvents.builder(TASK_ID.toString(), 0, EventType.PROCESS_DEFINED.cloudEventType())
                .withData("{}".getBytes(StandardCharsets.UTF_8)).build();

        assertInvalid(event, "a process event has no place on the task topic");
    }

    @Test
    void shouldRejectAsInvalid_whenTheSubjectIsMissing() {
        assertInvalid(CloudEventBuilder.v1(requestedEvent()).withSubject(null).build(), "subject is missing");
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
        assertInvalid(CloudEventBuilder.v1(requestedEvent())
                .withData("{not json".getBytes(StandardCharsets.UTF_8)).build(), "data is not a valid TaskRequested");
        assertInvalid(CloudEventBuilder.v1(example(EventType.TASK_COMPLETED, 1, TaskEvents.AMINA))
                .withData("[1, 2]".getBytes(StandardCharsets.UTF_8)).build(), "data is not a valid TaskCompleted");
    }

    @Test
    void shouldRejectAsInvalid_whenARequiredFieldIsMissing() {
        String data = """
                {"taskId": "%s", "type": "INVOICING", "priority": "LOW", "requestedAt": "2026-03-14T09:15:00Z"}"""
                .formatted(TASK_ID);
        assertInvalid(CloudEventBuilder.v1(requestedEvent())
                .withData(data.getBytes(StandardCharsets.UTF_8)).build(), "data.title is missing");
    }

    @Test
    void shouldRejectAsInvalid_whenAnAssignmentNamesNoProviderOrganisation() {
        String data = """
                {"taskId": "%s", "agent": "amina", "assignedAt": "2026-03-13T16:05:00Z"}""".formatted(TASK_ID);
        assertInvalid(CloudEventBuilder.v1(example(EventType.TASK_ASSIGNED, 1, TaskEvents.MARC))
                .withData(data.getBytes(StandardCharsets.UTF_8)).build(), "data.providerOrganisation is missing");
    }

    @Test
    void shouldRejectAsInvalid_whenARatingIsOutOfRangeOrTheTimeSpentNegative() {
        assertInvalid(CloudEventBuilder.v1(example(EventType.TASK_RATED, 1, TaskEvents.CLAIRE))
                .withData(("{\"taskId\": \"" + TASK_ID + "\", \"rating\": 11}").getBytes(StandardCharsets.UTF_8))
                .build(), "data.rating must be 0 to 10: 11");
        assertInvalid(CloudEventBuilder.v1(example(EventType.TASK_COMPLETED, 1, TaskEvents.AMINA))
                .withData(("{\"taskId\": \"" + TASK_ID + "\", \"timeSpentMinutes\": -5}")
                        .getBytes(StandardCharsets.UTF_8)).build(), "data.timeSpentMinutes is negative: -5");
    }

    @Test
    void shouldRejectAsInvalid_whenTheTaskIdDiffersFromTheSubject() {
        UUID other = UUID.randomUUID();
        assertInvalid(CloudEventBuilder.v1(requestedEvent())
                        .withData(TaskEvents.json(TaskEvents.requested(other, "x", "INVOICING", REQUESTED_AT))).build(),
                "data.taskId " + other + " differs from the subject");
        assertInvalid(CloudEventBuilder.v1(example(EventType.TASK_STARTED, 1, TaskEvents.AMINA))
                        .withSubject(other.toString()).build(),
                "data.taskId " + TASK_ID + " differs from the subject");
    }

    @Test
    void shouldRejectAsInvalid_whenNeitherTheEventNorItsDataSayWhen() {
        CloudEvent event = CloudEventBuilder.v1(example(EventType.TASK_RESUMED, 1, TaskEvents.AMINA))
                .withTime(null)
                .withData(("{\"taskId\": \"" + TASK_ID + "\"}").getBytes(StandardCharsets.UTF_8)).build();

        assertInvalid(event, "neither the time attribute nor the data says when it happened");
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

    // --- helpers --------------------------------------------------------------------------------------------------

    /** The task of the examples, as its TaskRequested example creates it. */
    private TaskRow requestedTask() {
        return ((TaskEvent.Requested) decoder.decode(example(EventType.TASK_REQUESTED, 0, TaskEvents.CLAIRE)))
                .newTask();
    }

    /** Decodes the type's contract example and applies it to {@code task}. */
    private TaskRow apply(EventType type, TaskRow task) {
        ((TaskEvent.Change) decoder.decode(throughKafka(example(type, 1, TaskEvents.MARC)))).applyTo(task);
        return task;
    }

    /** The contract's JSON example of {@code type} as the data of a CloudEvent caused by {@code by}. */
    private static CloudEvent example(EventType type, long sequence, TaskEvents.By by) {
        String resource = "/io/relais/contract/examples/" + type.cloudEventType() + ".json";
        byte[] data;
        try (InputStream in = TaskEventDecoderTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            data = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TaskEvents.anonymousBuilder(TASK_ID.toString(), sequence, type.cloudEventType())
                .withExtension(CloudEventAttributes.ACTOR, by.name())
                .withExtension(CloudEventAttributes.ACTOR_ROLES, by.roles())
                .withExtension(CloudEventAttributes.ACTOR_ORGANISATION, by.organisation())
                .withExtension(CloudEventAttributes.CORRELATION_ID, "test-" + TASK_ID)
                .withTime(EVENT_TIME.atOffset(ZoneOffset.UTC))
                .withData(data)
                .build();
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
