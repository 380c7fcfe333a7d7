package io.relais.contract.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.relais.contract.EventType;
import io.relais.contract.task.ChecklistResult;
import io.relais.contract.task.TaskCompleted;
import io.relais.contract.task.TaskRequested;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String TASK = "6f1c2f3e-2b7a-4c41-9a55-3f0d8c1b7e21";
    private static final byte[] EXAMPLE_KEY = new byte[32];

    @Test
    void shouldMarkTheChosenFieldsAsPersonal_andOnlyTaskEventsCarryThem() {
        List<String> marked = new ArrayList<>();
        for (EventType type : EventType.values()) {
            PersonalFields.of(type.payloadClass()).forEach(path -> marked.add(type.payloadClass().getSimpleName() + "." + path));
            if (PersonalFields.any(type.payloadClass())) {
                assertThat(type.aggregateType()).as("%s: the subject is the task", type).isEqualTo("task");
            }
        }
        assertThat(marked).containsExactlyInAnyOrder("TaskRequested.title", "TaskRequested.description",
                "TaskPutOnHold.reason", "TaskCompleted.checklist[].note", "TaskReworkRequested.reason",
                "TaskEscalated.reason", "TaskCancelled.reason", "TaskRated.comment", "IncidentReported.description");
    }

    @Test
    void shouldSealEveryMarkedField_andNoOther_whenRewritingAnEvent() throws IOException {
        byte[] key = PersonalDataEnvelope.newKey();
        String subject = DataSubjects.ofTask(TASK);
        var completed = new TaskCompleted(TASK, 30, List.of(new ChecklistResult("Montants vérifiés", true, "M. Dupont absent"),
                new ChecklistResult("PDF joint", false, null)), "amina", Instant.parse("2026-03-16T10:00:00Z"));

        TaskCompleted sealed = PersonalFields.rewrite(completed,
                (field, value) -> PersonalDataEnvelope.seal(key, subject, field, value));

        JsonNode wire = JSON.valueToTree(sealed);
        assertThat(wire.toString()).doesNotContain("Dupont");
        assertThat(wire.at("/checklist/0/note").asText()).startsWith("relais:enc:v1:" + subject + ":");
        assertThat(wire.at("/checklist/0/item").asText()).isEqualTo("Montants vérifiés");
        assertThat(wire.at("/checklist/1/note").isNull()).isTrue();
        assertThat(wire.path("completedBy").asText()).isEqualTo("amina");
        assertThat(PersonalDataEnvelope.open(key, sealed.checklist().get(0).note(), "note")).isEqualTo("M. Dupont absent");
    }

    @Test
    void shouldRefuseToOpen_whenTheEnvelopeIsMovedToAnotherFieldOrTheKeyIsAnother() {
        byte[] key = PersonalDataEnvelope.newKey();
        String envelope = PersonalDataEnvelope.seal(key, DataSubjects.ofTask(TASK), "title", "Relance client Dupont");

        assertThat(PersonalDataEnvelope.open(key, envelope, "title")).isEqualTo("Relance client Dupont");
        assertThatThrownBy(() -> PersonalDataEnvelope.open(key, envelope, "description"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalDataEnvelope.open(PersonalDataEnvelope.newKey(), envelope, "title"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PersonalDataEnvelope.keyIdOf(envelope)).isEqualTo("task-" + TASK);
    }

    @Test
    void shouldShowThePlaceholder_whenTheKeyIsGone_andPlainTextAsIs() {
        byte[] key = PersonalDataEnvelope.newKey();
        String envelope = PersonalDataEnvelope.seal(key, DataSubjects.ofTask(TASK), "reason", "Attente de Mme Martin");

        assertThat(PersonalDataEnvelope.reveal(envelope, "reason", id -> Optional.of(key))).isEqualTo("Attente de Mme Martin");
        assertThat(PersonalDataEnvelope.reveal(envelope, "reason", id -> Optional.empty())).isEqualTo("[effacé]");
        assertThat(PersonalDataEnvelope.reveal("texte ancien", "reason", id -> Optional.empty())).isEqualTo("texte ancien");
        assertThat(PersonalDataEnvelope.reveal(null, "reason", id -> Optional.empty())).isNull();
    }

    @Test
    void shouldSealTheExamples_withTheAllZeroExampleKey() throws IOException {
        assertThat(PersonalDataEnvelope.open(EXAMPLE_KEY, example("relais.task.rated.v1.json").path("comment").asText(),
                "comment")).isEqualTo("Rapide et soigné");
        assertThat(PersonalDataEnvelope.open(EXAMPLE_KEY, example("relais.task.put-on-hold.v1.json").path("reason").asText(),
                "reason")).isEqualTo("En attente du relevé bancaire");
    }

    @Test
    void shouldNameTheTaskAsDataSubject_ofATaskEvent() {
        var requested = new TaskRequested(TASK, "t", null, "INVOICING", null, null, 0, "claire", null, "CALENDAR_HOURS(1)",
                null, null, null);

        assertThat(DataSubjects.of(requested)).contains("task-" + TASK);
        assertThat(DataSubjects.taskOf("task-" + TASK)).contains(TASK);
        assertThat(DataSubjects.taskOf("grant-1")).isEmpty();
        assertThat(Arrays.stream(PersonalDataErased.class.getRecordComponents())
                .noneMatch(c -> c.isAnnotationPresent(Personal.class))).isTrue();
    }

    private static JsonNode example(String name) throws IOException {
        try (InputStream in = PersonalDataTest.class.getResourceAsStream("/io/relais/contract/examples/" + name)) {
            return JSON.readTree(in);
        }
    }
}
