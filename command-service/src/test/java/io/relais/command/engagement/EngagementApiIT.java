package io.relais.command.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.command.engagement.EngagementCommands.StartEngagement;
import io.relais.command.engagement.EngagementRegistry.ActiveEngagement;
import io.relais.contract.sla.CalendarSpec;
import io.relais.testsupport.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
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
 * Provider contracts over REST on a real PostgreSQL: start → end, the refusals as problems, and the registry the
 * task side reads, which must say what the stored events say as soon as a command is answered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "relais.security.write-rate-limit.per-minute=10000"})
@EmbeddedKafka(kraft = true, partitions = 1)
class EngagementApiIT {

    private static final TestDatabase DATABASE = TestDatabase.create("command_engagement");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry::add);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EngagementRegistry registry;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    CommandGateway commands;

    @Test
    void shouldStartAndEnd_with201And200_andTheRegistryFollowingEachStep() throws Exception {
        String agent = agent();
        ResponseEntity<JsonNode> started = admin("/api/engagements", """
                {"providerOrganisation": "backoffice-pro", "agents": ["%s"], "internalHourlyRate": 45.00,
                 "providerHourlyRate": 18.00, "dpaSigned": true, "startsOn": "2026-03-01",
                 "plannedEndOn": "2027-02-28"}""".formatted(agent));

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = started.getBody().get("id").asText();
        assertThat(started.getBody().get("state").asText()).isEqualTo("ACTIVE");
        assertThat(started.getHeaders().getLocation()).hasToString("http://127.0.0.1:8082/api/engagements/" + id);
        ActiveEngagement expected = new ActiveEngagement(id, "backoffice-pro", List.of(agent),
                CalendarSpec.FRANCE_DEFAULT, true, java.time.LocalDate.parse("2027-02-28"));
        assertThat(registry.active(id)).contains(expected);
        assertThat(registry.activeFor(agent)).contains(expected);
        JsonNode payload = storedPayload(id, 0);
        assertThat(payload.get("internalHourlyRate").decimalValue()).isEqualByComparingTo("45.00");
        assertThat(payload.get("providerHourlyRate").decimalValue()).isEqualByComparingTo("18.00");
        assertThat(payload.get("startedBy").asText()).isEqualTo("admin");
        assertThat(payload.at("/calendar/holidays").asText()).isEqualTo("FR");

        ResponseEntity<JsonNode> ended = admin("/api/engagements/" + id + "/end", "{\"reason\": \"Fin de contrat\"}");

        assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ended.getBody().get("state").asText()).isEqualTo("ENDED");
        assertThat(registry.active(id)).isEmpty();
        assertThat(registry.activeFor(agent)).isEmpty();
        assertThat(storedPayload(id, 1).get("endedBy").asText()).isEqualTo("admin");
        assertThat(storedPayload(id, 1).get("reason").asText()).isEqualTo("Fin de contrat");
    }

    @Test
    void shouldKeepTheCalendarGiven_inTheEventAndTheRegistry() {
        String agent = agent();
        String id = start(agent, """
                , "calendar": {"zone": "Europe/Paris", "workingHours": ["MON-FRI 08:30-17:30"],
                               "holidays": "FR-ALSACE-MOSELLE", "closedDays": ["2026-12-24"]}""");

        CalendarSpec alsace = new CalendarSpec("Europe/Paris", List.of("MON-FRI 08:30-17:30"), "FR-ALSACE-MOSELLE",
                List.of(LocalDate.parse("2026-12-24")));
        assertThat(registry.activeFor(agent)).get().extracting(ActiveEngagement::calendar).isEqualTo(alsace);
        assertThat(storedPayload(id, 0).at("/calendar/closedDays/0").asText()).isEqualTo("2026-12-24");
    }

    @Test
    void shouldAnswer409WithStateAndAllowedActions_andWriteNothing_whenEndingTwice() {
        String id = start(agent(), "");
        admin("/api/engagements/" + id + "/end", "{\"reason\": \"Fin de contrat\"}");
        long before = storedEvents();

        ResponseEntity<JsonNode> response = admin("/api/engagements/" + id + "/end", "{\"reason\": \"Encore\"}");

        assertProblem(response, HttpStatus.CONFLICT, "urn:relais:problem:action-not-allowed", "it is ENDED");
        assertThat(response.getBody().get("currentState").asText()).isEqualTo("ENDED");
        assertThat(response.getBody().get("allowedActions").isArray()).isTrue();
        assertThat(response.getBody().get("allowedActions")).isEmpty();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void shouldAnswer409_andStoreNothing_whenAnAgentAlreadyWorksUnderAnotherActiveEngagement() {
        String agent = agent();
        String first = start(agent, "");
        long before = storedEvents();

        ResponseEntity<JsonNode> second = admin("/api/engagements", body(List.of(agent(), agent), ""));

        assertProblem(second, HttpStatus.CONFLICT, "urn:relais:problem:rule-violated",
                "Agent " + agent + " already works under active engagement " + first);
        assertThat(second.getBody().get("activeEngagementId").asText()).isEqualTo(first);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(registry.activeFor(agent)).get().extracting(ActiveEngagement::engagementId).isEqualTo(first);
    }

    @Test
    void shouldAcceptTheAgentInANewEngagement_onceTheirEngagementEnded() {
        String agent = agent();
        String first = start(agent, "");
        admin("/api/engagements/" + first + "/end", "{\"reason\": \"Changement de prestataire\"}");

        String second = start(agent, "");

        assertThat(registry.activeFor(agent)).get().extracting(ActiveEngagement::engagementId).isEqualTo(second);
        assertThat(registry.active(first)).isEmpty();
    }

    /**
     * The registry is written by a subscribing processor in the command's transaction: when it refuses the event
     * (the agent is engaged elsewhere), the aggregate had accepted it, yet it is not stored.
     */
    @Test
    void shouldStoreNoEvent_whenTheRegistryRefusesIt_becauseItIsWrittenInTheSameTransaction() {
        assertThat(processing.eventProcessor(JdbcEngagementRegistry.PROCESSING_GROUP))
                .containsInstanceOf(SubscribingEventProcessor.class);
        String agent = agent();
        start(agent, "");
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> commands.sendAndWait(new StartEngagement(id, "assistance-plus", List.of(agent),
                new BigDecimal("45"), new BigDecimal("20"), CalendarSpec.FRANCE_DEFAULT, true,
                LocalDate.parse("2026-03-01"), LocalDate.parse("2026-12-31"), "admin",
                Instant.parse("2026-03-01T09:00:00Z"))))
                .isInstanceOf(AgentAlreadyEngaged.class);

        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(registry.active(id)).isEmpty();
    }

    @Test
    void shouldAnswer404Problem_whenTheEngagementDoesNotExist() {
        String unknown = UUID.randomUUID().toString();

        assertProblem(admin("/api/engagements/" + unknown + "/end", "{\"reason\": \"x\"}"), HttpStatus.NOT_FOUND,
                "urn:relais:problem:engagement-not-found", "No engagement with id " + unknown);
    }

    @Test
    void shouldAnswer400NamingEveryField_andWriteNothing_whenTheTermsAreInvalid() {
        long before = storedEvents();

        ResponseEntity<JsonNode> response = admin("/api/engagements", """
                {"providerOrganisation": " ", "agents": [], "internalHourlyRate": 45, "providerHourlyRate": 0,
                 "startsOn": "2026-03-01", "plannedEndOn": "2027-02-28",
                 "calendar": {"zone": "Europe/Lutece", "workingHours": ["MON-FRI 9h-18h"], "holidays": "FR"}}""");

        assertProblem(response, HttpStatus.BAD_REQUEST, "urn:relais:problem:invalid-request",
                "'providerHourlyRate' must be greater than 0");
        assertThat(response.getBody().get("detail").asText()).contains("'agents' must not be empty",
                "'providerOrganisation' must not be blank", "'dpaSigned' must not be null",
                "'calendar.zone' must be a time zone id", "'calendar.workingHours[0]' must read DAY[-DAY] HH:MM-HH:MM");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void shouldAnswer400NamingBothDates_andWriteNothing_whenThePlannedEndIsNotAfterTheStart() {
        long before = storedEvents();

        ResponseEntity<JsonNode> response = admin("/api/engagements", body(List.of(agent()), "")
                .replace("\"plannedEndOn\": \"2027-02-28\"", "\"plannedEndOn\": \"2026-02-28\""));

        assertProblem(response, HttpStatus.BAD_REQUEST, "urn:relais:problem:invalid-request",
                "plannedEndOn (2026-02-28) must be after startsOn (2026-03-01)");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"startedBy", "engagementId", "actor", "organisation"})
    void shouldAnswer400_whenTheBodyNamesAServerOwnedField(String field) {
        long before = storedEvents();

        ResponseEntity<JsonNode> response = admin("/api/engagements",
                body(List.of(agent()), ", \"" + field + "\": \"forged\""));

        assertProblem(response, HttpStatus.BAD_REQUEST, "urn:relais:problem:invalid-request",
                "Unknown field '" + field + "'");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} -> 403")
    @ValueSource(strings = {"claire", "marc", "amina", "audrey", "victor"})
    void shouldAnswer403Problem_andWriteNothing_whenTheCallerIsNotAdmin(String user) {
        String agent = agent();
        String id = start(agent, "");
        long before = storedEvents();

        for (ResponseEntity<JsonNode> response : List.of(post(user, "/api/engagements", body(List.of(agent()), "")),
                post(user, "/api/engagements/" + id + "/end", "{\"reason\": \"x\"}"))) {
            assertProblem(response, HttpStatus.FORBIDDEN, "urn:relais:problem:forbidden", "/api/engagements");
        }
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(registry.activeFor(agent)).isPresent();
    }

    private String start(String agent, String extraFields) {
        ResponseEntity<JsonNode> response = admin("/api/engagements", body(List.of(agent), extraFields));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asText();
    }

    private static String body(List<String> agents, String extraFields) {
        String names = String.join("\", \"", agents);
        return """
                {"providerOrganisation": "backoffice-pro", "agents": ["%s"], "internalHourlyRate": 45,
                 "providerHourlyRate": 18, "dpaSigned": true, "startsOn": "2026-03-01",
                 "plannedEndOn": "2027-02-28"%s}""".formatted(names, extraFields);
    }

    /** Each test engages its own agents: the rule "one active engagement per agent" holds across the class. */
    private static String agent() {
        return "agent-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ResponseEntity<JsonNode> admin(String path, String body) {
        return post("admin", path, body);
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo-" + user).postForEntity(path, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private JsonNode storedPayload(String id, long sequence) {
        try {
            return json.readTree(jdbc.sql("""
                            SELECT convert_from(payload, 'UTF8') FROM domainevententry
                            WHERE aggregateidentifier = ? AND sequencenumber = ?""")
                    .params(id, sequence).query(String.class).single());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String type,
                                      String detailPart) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().get("type").asText()).isEqualTo(type);
        assertThat(response.getBody().get("detail").asText()).contains(detailPart);
    }
}
