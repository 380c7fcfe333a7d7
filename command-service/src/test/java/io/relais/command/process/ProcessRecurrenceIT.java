package io.relais.command.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.testsupport.TestDatabase;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Recurring work on the real persistent scheduler: the procedure is defined on Monday 2 March 2026 (the
 * service clock is fixed there) while the scheduler runs today, so every Monday since is an occurrence the
 * service "missed": each is caught up, opens exactly one task, and says it was late.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "db-scheduler.polling-interval=1s"})
@EmbeddedKafka(kraft = true, partitions = 1)
class ProcessRecurrenceIT {

    private static final TestDatabase DATABASE = TestDatabase.create("command_recurrence");
    private static final Instant MONDAY_2_MARCH_1000_PARIS = Instant.parse("2026-03-02T09:00:00Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry::add);
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(MONDAY_2_MARCH_1000_PARIS, ZoneOffset.UTC);
        }
    }

    @Autowired
    io.relais.command.personal.PersonalDataReader personalData;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void shouldCatchUpMissedMondays_openingOneTaskPerOccurrence_eachMarkedLate() throws Exception {
        String processId = define("WEEKLY(MON 09:00)");

        await().atMost(Duration.ofSeconds(60)).until(() -> occurrences(processId).size() >= 3);

        List<JsonNode> occurrences = occurrences(processId);
        assertThat(occurrences.get(0).get("occurrenceAt").asText()).isEqualTo("2026-03-09T08:00:00Z");
        assertThat(occurrences.get(1).get("occurrenceAt").asText()).isEqualTo("2026-03-16T08:00:00Z");
        assertThat(occurrences).allSatisfy(occurrence -> assertThat(occurrence.get("late").asBoolean()).isTrue());
        for (JsonNode occurrence : occurrences.subList(0, 3)) {
            String taskId = occurrence.get("taskId").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> taskRequested(taskId) == 1);
        }
        JsonNode first = json.readTree(jdbc.sql("""
                SELECT convert_from(payload, 'UTF8') FROM domainevententry
                WHERE aggregateidentifier = ? AND sequencenumber = 0""")
                .param(occurrences.get(0).get("taskId").asText()).query(String.class).single());
        assertThat(first.get("processId").asText()).isEqualTo(processId);
        assertThat(first.get("requester").asText()).isEqualTo("relais-scheduler");
        assertThat(first.get("requestedAt").asText()).as("the SLA runs from the occurrence").isEqualTo("2026-03-09T08:00:00Z");
        assertThat(first.get("dueAt").asText()).as("due at the next occurrence").isEqualTo("2026-03-16T08:00:00Z");
        assertThat(first.get("description").asText()).as("sealed in the store").startsWith("relais:enc:v1:task-");
        assertThat(personalData.reveal(first.get("description").asText(), "description")).contains("ouverte en retard");
    }

    @Test
    void shouldKeepTheNextOccurrenceInTheDatabase_soARestartLosesNothing() {
        String processId = define("WEEKLY(FRI 16:00)");

        await().atMost(Duration.ofSeconds(30)).until(() -> !scheduledFor(processId).isEmpty());
        assertThat(scheduledFor(processId)).isNotEmpty();
    }

    @Test
    void shouldScheduleNothing_forAProcedureWithAnOrdinarySla() {
        String processId = define("BUSINESS_DAYS(2)");

        assertThat(scheduledFor(processId)).isEmpty();
        assertThat(occurrences(processId)).isEmpty();
    }

    private String define(String slaPolicy) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> created = http.withBasicAuth("admin", "demo-admin").postForEntity("/api/processes",
                new HttpEntity<>("""
                        {"title": "Relances clients", "objective": "Relancer les factures échues",
                         "scope": "Factures échues", "taskType": "PAYMENT_REMINDER", "slaPolicy": "%s",
                         "raci": {"responsible": ["AGENT"], "accountable": "marc"},
                         "steps": ["Extraire les factures échues", "Relancer"]}""".formatted(slaPolicy), headers),
                JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("id").asText();
    }

    private List<JsonNode> occurrences(String processId) {
        return jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry
                        WHERE aggregateidentifier = ? AND payloadtype = 'io.relais.contract.process.ProcessOccurrenceDue'
                        ORDER BY sequencenumber""").param(processId).query(String.class).list().stream()
                .map(this::read).toList();
    }

    private long taskRequested(String taskId) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0")
                .param(taskId).query(Long.class).single();
    }

    private List<Timestamp> scheduledFor(String processId) {
        // the deadline's details are binary; its scope (the process id) appears in them as text
        return jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE position(? IN task_data) > 0")
                .param(processId.getBytes(java.nio.charset.StandardCharsets.UTF_8)).query(Timestamp.class).list();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
