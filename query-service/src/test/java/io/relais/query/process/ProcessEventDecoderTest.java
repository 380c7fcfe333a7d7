package io.relais.query.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.relais.contract.EventType;
import io.relais.contract.Topics;
import io.relais.contract.process.Procedure;
import io.relais.contract.process.ProcessOccurrenceDue;
import io.relais.query.ContractEvents;
import io.relais.query.projection.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The four process events of the contract, from their JSON examples as published (binary mode through Kafka). */
class ProcessEventDecoderTest {

    /** The procedure of the contract's examples. */
    private static final String PROCESS_ID = "b2d7a1c4-5e6f-4a8b-9c0d-1e2f3a4b5c6d";
    private static final Instant EVENT_TIME = Instant.parse("2026-03-20T12:00:00Z");

    private final ProcessEventDecoder decoder = new ProcessEventDecoder();

    @Test
    void shouldDecodeTheWholeProcedureAtVersion1_whenTheDefinedExampleIsRead() {
        ProcessEvent decoded = decoder.decode(example(EventType.PROCESS_DEFINED, 0));

        ProcessEvent.Defined defined = (ProcessEvent.Defined) decoded;
        assertThat(defined.processId()).isEqualTo(UUID.fromString(PROCESS_ID));
        assertThat(defined.aggregateId()).isEqualTo(PROCESS_ID);
        assertThat(defined.sequence()).isZero();
        assertThat(defined.payload().version()).isEqualTo(1);
        assertThat(defined.payload().definedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        Procedure procedure = defined.payload().procedure();
        assertThat(procedure.title()).isEqualTo("Relances clients");
        assertThat(procedure.taskType()).isEqualTo("PAYMENT_REMINDER");
        assertThat(procedure.slaPolicy()).isEqualTo("WEEKLY(MON 09:00)");
        assertThat(procedure.raci().responsible()).containsExactly("AGENT");
        assertThat(procedure.raci().accountable()).isEqualTo("marc");
        assertThat(procedure.resources()).containsExactly("crm", "accounting");
        assertThat(procedure.steps()).containsExactly("Extraire les factures échues", "Envoyer la relance niveau 1",
                "Noter la relance dans le CRM");
        assertThat(procedure.qualityChecks()).containsExactly("Montant vérifié", "Bon destinataire");
        assertThat(defined.recorded().actor()).isEqualTo("admin");
        assertThat(defined.recorded().actorRoles()).containsExactly("ADMIN");
        assertThat(defined.recorded().occurredAt()).isEqualTo(EVENT_TIME);
    }

    @Test
    void shouldDecodeTheNewVersionAndItsChangeNote_whenTheRevisedExampleIsRead() {
        ProcessEvent.Revised revised = (ProcessEvent.Revised) decoder.decode(example(EventType.PROCESS_REVISED, 1));

        assertThat(revised.sequence()).isEqualTo(1);
        assertThat(revised.payload().version()).isEqualTo(2);
        assertThat(revised.payload().changeNote()).isEqualTo("Ajout du contrôle du destinataire");
        assertThat(revised.payload().revisedBy()).isEqualTo("admin");
        assertThat(revised.payload().revisedAt()).isEqualTo(Instant.parse("2026-03-08T10:00:00Z"));
        assertThat(revised.payload().procedure().title()).isEqualTo("Relances clients");
    }

    @Test
    void shouldDecodeTheReasonAndInstant_whenTheRetiredExampleIsRead() {
        ProcessEvent.Retired retired = (ProcessEvent.Retired) decoder.decode(example(EventType.PROCESS_RETIRED, 3));

        assertThat(retired.sequence()).isEqualTo(3);
        assertThat(retired.payload().reason()).isEqualTo("Remplacé par la procédure de recouvrement");
        assertThat(retired.payload().retiredAt()).isEqualTo(Instant.parse("2026-06-30T16:00:00Z"));
    }

    @Test
    void shouldDecodeTheOccurrenceItsTaskAndLateness_whenTheOccurrenceDueExampleIsRead() {
        ProcessEvent.OccurrenceDue occurrence =
                (ProcessEvent.OccurrenceDue) decoder.decode(example(EventType.PROCESS_OCCURRENCE_DUE, 2));

        assertThat(occurrence.sequence()).isEqualTo(2);
        assertThat(occurrence.taskId()).isEqualTo(UUID.fromString("2f8e0c6a-4b1d-3e9f-8a7c-5d6b4e3f2a10"));
        assertThat(occurrence.payload().version()).isEqualTo(2);
        assertThat(occurrence.payload().occurrenceAt()).isEqualTo(Instant.parse("2026-03-16T08:00:00Z"));
        assertThat(occurrence.payload().firedAt()).isEqualTo(Instant.parse("2026-03-16T08:00:04Z"));
        assertThat(occurrence.payload().late()).isFalse();
    }

    @Test
    void shouldUseTheFiringInstantAsItsTime_whenASchedulerEventHasNoActorAndNoTime() {
        UUID processId = UUID.randomUUID();
        Instant firedAt = Instant.parse("2026-03-23T10:30:00Z");
        CloudEvent event = CloudEventBuilder.v1(ProcessEvents.occurrenceDue(processId, 4, 1,
                Instant.parse("2026-03-23T08:00:00Z"), UUID.randomUUID(), firedAt, true)).withTime(null).build();

        ProcessEvent.OccurrenceDue occurrence = (ProcessEvent.OccurrenceDue) decoder.decode(through(event));

        assertThat(occurrence.payload().late()).isTrue();
        assertThat(occurrence.recorded().actor()).isNull();
        assertThat(occurrence.recorded().occurredAt()).isEqualTo(firedAt);
    }

    @Test
    void shouldKeepOnlyTheSequence_whenTheEventTypeIsUnknown() {
        CloudEvent event = CloudEventBuilder.v1(example(EventType.PROCESS_RETIRED, 7))
                .withType("relais.process.archived.v1").build();

        assertThat(decoder.decode(event)).isEqualTo(new ProcessEvent.Unknown(PROCESS_ID, 7,
                "relais.process.archived.v1"));
    }

    @Test
    void shouldRejectAsInvalid_whenTheDataNamesAnotherProcessThanTheSubject() {
        CloudEvent event = CloudEventBuilder.v1(example(EventType.PROCESS_RETIRED, 1))
                .withSubject(UUID.randomUUID().toString()).build();

        assertInvalid(event, "data.processId " + PROCESS_ID + " differs from the subject");
    }

    @Test
    void shouldRejectAsInvalid_whenTheProcedureHasNoTaskType() {
        UUID processId = UUID.randomUUID();
        Procedure noType = ProcessEvents.procedure("Relances", null, "BUSINESS_DAYS(2)", List.of("Relancer"));

        assertInvalid(ProcessEvents.defined(processId, 0, noType, EVENT_TIME), "data.procedure.taskType is missing");
    }

    @Test
    void shouldRejectAsInvalid_whenTheVersionIsNotPositive() {
        UUID processId = UUID.randomUUID();
        CloudEvent event = ContractEvents.event(processId.toString(), 1, new ProcessOccurrenceDue(processId.toString(),
                0, EVENT_TIME, UUID.randomUUID().toString(), EVENT_TIME, false), ContractEvents.ADMIN, EVENT_TIME);

        assertInvalid(event, "data.version must be 1 or more: 0");
    }

    @Test
    void shouldRejectAsInvalid_whenTheOccurrenceTaskIdIsNotAUuid() {
        UUID processId = UUID.randomUUID();
        CloudEvent event = ContractEvents.event(processId.toString(), 1, new ProcessOccurrenceDue(processId.toString(),
                1, EVENT_TIME, "task-42", EVENT_TIME, false), ContractEvents.ADMIN, EVENT_TIME);

        assertInvalid(event, "data.taskId 'task-42' is not a UUID");
    }

    @Test
    void shouldRejectAsInvalid_whenTheDataIsNotJson() {
        CloudEvent event = CloudEventBuilder.v1(example(EventType.PROCESS_DEFINED, 0))
                .withData("{\"processId\": ".getBytes(StandardCharsets.UTF_8)).build();

        assertInvalid(event, "data is not a valid ProcessDefined");
    }

    @Test
    void shouldRejectAsInvalid_whenATaskEventIsReadFromTheProcessTopic() {
        CloudEvent event = CloudEventBuilder.v1(example(EventType.PROCESS_RETIRED, 1))
                .withType(EventType.TASK_APPROVED.cloudEventType()).build();

        assertInvalid(event, "a task event has no place on the process topic");
    }

    @Test
    void shouldRejectAsInvalid_whenTheSequenceIsMissing() {
        CloudEvent event = CloudEventBuilder.v1(example(EventType.PROCESS_RETIRED, 1))
                .withoutExtension("aggregatesequence").build();

        assertInvalid(event, "aggregatesequence is missing");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** The type's contract example as admin's CloudEvent about the example's procedure, read back from Kafka. */
    private static CloudEvent example(EventType type, long sequence) {
        return through(ContractEvents.example(type, PROCESS_ID, sequence, ContractEvents.ADMIN, EVENT_TIME));
    }

    private static CloudEvent through(CloudEvent event) {
        return ContractEvents.throughKafka(Topics.PROCESSES.name(), event);
    }

    private void assertInvalid(CloudEvent event, String problem) {
        assertThatThrownBy(() -> decoder.decode(event))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining(problem);
    }
}
