package io.relais.command.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.testsupport.TestDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

/** Every task command endpoint × every demo user: the role level of the README's matrix. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 1)
class TaskCommandMatrixIT {

    private static final TestDatabase DATABASE = TestDatabase.create("command_matrix");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry::add);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    /** Every task command endpoint and the roles allowed on it, as the README's matrix says. */
    static Stream<Arguments> commandEndpointMatrix() {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        allowed.put("assignment", Set.of("marc"));
        allowed.put("start", Set.of("amina", "yann"));
        allowed.put("hold", Set.of("marc", "amina", "yann"));
        allowed.put("resumption", Set.of("marc", "amina", "yann"));
        allowed.put("completion", Set.of("amina", "yann"));
        allowed.put("approval", Set.of("marc"));
        allowed.put("rework", Set.of("marc"));
        allowed.put("escalation", Set.of("claire", "paul", "marc", "amina", "yann"));
        allowed.put("priority", Set.of("marc"));
        allowed.put("cancellation", Set.of("claire", "paul", "marc"));
        allowed.put("rating", Set.of("claire", "paul"));
        allowed.put("incidents", Set.of("claire", "paul", "marc", "amina", "yann", "admin"));
        List<String> users = List.of("claire", "paul", "marc", "amina", "yann", "admin", "audrey", "victor");
        return allowed.entrySet().stream().flatMap(endpoint -> users.stream()
                .map(user -> Arguments.of(endpoint.getKey(), user, endpoint.getValue().contains(user))));
    }

    /**
     * Role level only: a caller whose role is allowed gets past the door (what follows depends on the task and
     * its state: 200, 404, 409, 400); any other role is refused with 403 and nothing is written.
     */
    @ParameterizedTest(name = "POST /api/tasks/<id>/{0} as {1}: role allowed = {2}")
    @MethodSource("commandEndpointMatrix")
    void shouldLetOnlyTheMatrixsRolesThroughEachCommandEndpoint(String action, String user, boolean allowed) {
        long before = storedEvents();

        ResponseEntity<JsonNode> response = http.withBasicAuth(user, "demo-" + user)
                .postForEntity("/api/tasks/" + UUID.randomUUID() + "/" + action, json("{}"), JsonNode.class);

        if (allowed) {
            assertThat(response.getStatusCode()).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
            assertThat(response.getStatusCode().is4xxClientError()).as("an unknown task or an empty body").isTrue();
        } else {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
