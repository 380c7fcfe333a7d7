package io.relais.query.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.contract.personal.DataSubjects;
import io.relais.contract.personal.ErasureCause;
import io.relais.contract.personal.PersonalDataEnvelope;
import io.relais.contract.personal.PersonalDataErased;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskPutOnHold;
import io.relais.contract.task.TaskRequested;
import io.relais.query.ChainedEvents;
import io.relais.query.ContractEvents;
import io.relais.query.IntegrationTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Every read path of the query side before and after a subject is erased (issue 10): the task, its timeline, the audit
 * trail, and a rebuild of the projection from the same records. The records carry envelopes, as command-service
 * publishes them; the key store is the table command-service writes.
 */
class PersonalDataReadPathsIT extends IntegrationTestSupport {

    private static final Instant T0 = Instant.parse("2026-03-13T16:00:00Z");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldShowPlainTextBefore_andThePlaceholderAfterErasure_onEveryReadPath_alsoAfterARebuild() throws Exception {
        UUID id = UUID.randomUUID();
        String subject = DataSubjects.ofTask(id.toString());
        byte[] key = TestKeyStore.storeKey(jdbc, subject);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(ChainedEvents.next(id.toString(), 0, new TaskRequested(id.toString(),
                PersonalDataEnvelope.seal(key, subject, "title", "Relance client Dupont"),
                PersonalDataEnvelope.seal(key, subject, "description", "Appeler M. Dupont"), "PAYMENT_REMINDER",
                TaskPriority.HIGH, null, 0, "claire", Confidentiality.INTERNAL, "BUSINESS_HOURS(24)",
                CalendarSpec.FRANCE_DEFAULT, T0.plusSeconds(86_400), T0), new ContractEvents.By("claire", "REQUESTER", "acme"), T0));
        records.add(ChainedEvents.next(id.toString(), 1, new TaskPutOnHold(id.toString(),
                PersonalDataEnvelope.seal(key, subject, "reason", "Attente du relevé de M. Dupont"), T0.plusSeconds(60)),
                new ContractEvents.By("marc", "APPROVER", "acme"), T0.plusSeconds(60)));
        for (ProducerRecord<String, byte[]> record : records) {
            bytes().send(record).get();
        }

        JsonNode before = awaitTask(id, 1);
        assertThat(before.get("title").asText()).isEqualTo("Relance client Dupont");
        assertThat(before.get("description").asText()).isEqualTo("Appeler M. Dupont");
        assertThat(before.at("/timeline/1/details/reason").asText()).isEqualTo("Attente du relevé de M. Dupont");
        assertThat(jdbc.sql("SELECT title FROM task_projection WHERE task_id = ?").param(id).query(String.class).single())
                .as("the projection keeps the envelope").startsWith("relais:enc:v1:" + subject + ":");
        List<JsonNode> trail = awaitTrail(id.toString(), 2);
        assertThat(trail.get(0).at("/data/title").asText()).isEqualTo("Relance client Dupont");
        assertThat(new String(Base64.getDecoder().decode(trail.get(0).get("dataBase64").asText()), StandardCharsets.UTF_8))
                .as("the raw bytes stay ciphertext").doesNotContain("Dupont");

        jdbc.sql("UPDATE personal_data_key SET wrapped_key = NULL, erased_at = now() WHERE subject_id = ?")
                .param(subject).update();
        bytes().send(ChainedEvents.next(subject, 0, new PersonalDataErased(subject, "Demande RGPD n° 2026-014",
                ErasureCause.REQUEST, "admin", T0.plusSeconds(120)), ContractEvents.ADMIN, T0.plusSeconds(120))).get();

        JsonNode after = awaitTask(id, 1);
        assertThat(after.get("title").asText()).isEqualTo("[effacé]");
        assertThat(after.get("description").asText()).isEqualTo("[effacé]");
        assertThat(after.at("/timeline/1/details/reason").asText()).isEqualTo("[effacé]");
        assertThat(after.get("type").asText()).as("non-personal data intact").isEqualTo("PAYMENT_REMINDER");
        assertThat(after.get("status").asText()).isEqualTo("ON_HOLD");
        assertThat(awaitTrail(id.toString(), 2).get(0).at("/data/title").asText()).isEqualTo("[effacé]");
        List<JsonNode> erasure = awaitTrail(subject, 1);
        assertThat(erasure.get(0).get("type").asText()).isEqualTo("relais.subject.personal-data-erased.v1");
        assertThat(erasure.get(0).at("/data/reason").asText()).isEqualTo("Demande RGPD n° 2026-014");
        assertThat(getAs("audrey", "/api/audit/verification").getBody().get("status").asText())
                .as("the chain hashes the ciphertext").isNotEqualTo("BROKEN");

        // a rebuild: the projection forgets the task and reads the same records again
        jdbc.sql("DELETE FROM task_timeline WHERE task_id = ?").param(id).update();
        jdbc.sql("DELETE FROM task_projection WHERE task_id = ?").param(id).update();
        jdbc.sql("DELETE FROM last_applied_sequence WHERE aggregate_id = ?").param(id.toString()).update();
        for (ProducerRecord<String, byte[]> record : records) {
            bytes().send(record).get();
        }
        JsonNode rebuilt = awaitTask(id, 1);
        assertThat(rebuilt.get("title").asText()).isEqualTo("[effacé]");
        assertThat(rebuilt.at("/timeline/1/details/reason").asText()).isEqualTo("[effacé]");
    }

    private JsonNode awaitTask(UUID id, long version) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = getAs("marc", "/api/tasks/" + id);
            found[0] = response.getBody();
            return response.getStatusCode().is2xxSuccessful() && found[0].get("version").asLong() >= version;
        });
        return found[0];
    }

    private List<JsonNode> awaitTrail(String aggregate, int events) {
        List<JsonNode> lines = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            lines.clear();
            String body = http.withBasicAuth("audrey", "demo-audrey")
                    .getForObject("/api/audit/trail?raw=true&aggregate=" + aggregate, String.class);
            for (String line : body.split("\n")) {
                JsonNode node = json.readTree(line);
                if (node.path("kind").asText().equals("event")) {
                    lines.add(node);
                }
            }
            return lines.size() >= events;
        });
        return lines;
    }
}
