package io.relais.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.relais.command.CommandServiceApplication;
import io.relais.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Two command-service instances on one event store (issue 9, item 6): 50 concurrent commands on one task, half to
 * each. Each instance serialises commands per aggregate itself; between instances the event store's unique
 * (aggregate, sequence) key decides. Every command is answered 200 or 409 {@code concurrent-change} (never a 5xx),
 * every 200 is exactly one stored event, and the task's sequence numbers stay contiguous: no lost update.
 */
@EmbeddedKafka(kraft = true, partitions = 1)
class TwoInstancesConcurrencyIT {

    private static final TestDatabase DATABASE = TestDatabase.create("command_two_instances");
    private static final int COMMANDS = 50;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldStoreEveryAcceptedCommandOnce_withContiguousSequences_whenTwoInstancesRace(EmbeddedKafkaBroker broker)
            throws Exception {
        try (ConfigurableApplicationContext first = start(broker); ConfigurableApplicationContext second = start(broker)) {
            List<Integer> ports = List.of(port(first), port(second));
            HttpResponse<String> created = post(ports.get(0), "claire", "/api/tasks",
                    "{\"title\": \"Relances\", \"type\": \"PAYMENT_REMINDER\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            String taskId = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                int port = ports.get(i % 2);
                String reason = "Relance urgente " + i;
                Callable<HttpResponse<String>> escalate = () -> post(port, "marc", "/api/tasks/" + taskId + "/escalation",
                        "{\"reason\": \"" + reason + "\"}");
                answers.add(pool.submit(escalate));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                responses.add(answer.get());
            }
            pool.shutdown();

            Map<Integer, Long> byStatus = responses.stream()
                    .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
            assertThat(byStatus.keySet()).as("answers %s", byStatus).isSubsetOf(200, 409);
            assertThat(responses).filteredOn(r -> r.statusCode() == 409)
                    .allSatisfy(r -> assertThat(r.body()).contains("urn:relais:problem:concurrent-change"));
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            List<Long> sequences = jdbc.sql("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ?"
                    + " ORDER BY sequencenumber").param(taskId).query(Long.class).list();
            long accepted = byStatus.getOrDefault(200, 0L);
            assertThat(sequences).as("the request, then one escalation per 200")
                    .containsExactlyElementsOf(LongStream.rangeClosed(0, accepted).boxed().toList());
            List<String> reasons = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                    + " WHERE aggregateidentifier = ? AND sequencenumber > 0").param(taskId).query(String.class).list();
            var personalData = first.getBean(io.relais.command.personal.PersonalDataReader.class);
            assertThat(reasons.stream().map(json -> json.replaceAll(".*\"reason\":\"([^\"]+)\".*", "$1"))
                    .map(sealed -> personalData.reveal(sealed, "reason")).distinct())
                    .as("no escalation stored twice").hasSize((int) accepted)
                    .allSatisfy(reason -> assertThat(reason).startsWith("Relance urgente "));
            System.out.printf("[two instances] %d commands: %s%n", COMMANDS, byStatus);
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker) {
        return new SpringApplicationBuilder(CommandServiceApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + DATABASE.url(),
                "--spring.datasource.username=" + DATABASE.user(),
                "--spring.datasource.password=" + DATABASE.password(),
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--relais.security.write-rate-limit.per-minute=100000");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private HttpResponse<String> post(int port, String user, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo-" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
