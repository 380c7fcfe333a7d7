package io.relais.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.relais.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on a real PostgreSQL (a throwaway database) and an in-process KRaft broker. Every integration
 * test extends this class, so they share one application context, one database and one broker; each test
 * uses its own task ids and types.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "relais.kafka.retry-initial-interval=100ms", "relais.kafka.retry-max-interval=200ms"})
@EmbeddedKafka(kraft = true, partitions = 3)
public abstract class IntegrationTestSupport {

    private static final TestDatabase DATABASE = TestDatabase.create("query");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry::add);
        registry.add("relais.audit.head-public-key", ChainedEvents::publicKeyBase64);
        // the key store is the command database in a deployment; here, the test database holds the table
        registry.add("relais.personal-data.keys-url", DATABASE::url);
        registry.add("relais.personal-data.keys-user", DATABASE::user);
        registry.add("relais.personal-data.keys-password", DATABASE::password);
    }

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected EmbeddedKafkaBroker broker;

    private final List<DefaultKafkaProducerFactory<?, ?>> producers = new ArrayList<>();
    private KafkaTemplate<String, CloudEvent> cloudEvents;
    private KafkaTemplate<String, byte[]> bytes;
    private KafkaTemplate<String, String> text;

    @AfterEach
    void closeProducers() {
        producers.forEach(DefaultKafkaProducerFactory::reset);
    }

    /** Binary content mode, as command-service publishes: attributes in ce_* headers, the data as the value. */
    protected KafkaTemplate<String, CloudEvent> cloudEvents() {
        if (cloudEvents == null) {
            cloudEvents = template(new CloudEventSerializer());
        }
        return cloudEvents;
    }

    protected KafkaTemplate<String, byte[]> bytes() {
        if (bytes == null) {
            bytes = template(new ByteArraySerializer());
        }
        return bytes;
    }

    protected KafkaTemplate<String, String> text() {
        if (text == null) {
            text = template(new StringSerializer());
        }
        return text;
    }

    private <V> KafkaTemplate<String, V> template(Serializer<V> valueSerializer) {
        Map<String, Object> props = KafkaTestUtils.producerProps(broker);
        var factory = new DefaultKafkaProducerFactory<>(props, new StringSerializer(), valueSerializer);
        producers.add(factory);
        return new KafkaTemplate<>(factory);
    }

    /** As marc, an approver: he sees every task and the KPIs. */
    protected ResponseEntity<JsonNode> get(String path) {
        return getAs("marc", path);
    }

    /** As one of the demo users (password "demo-" + name). */
    protected ResponseEntity<JsonNode> getAs(String user, String path) {
        return http.withBasicAuth(user, "demo-" + user).getForEntity(path, JsonNode.class);
    }

    protected static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String detailPart) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().get("detail").asText()).contains(detailPart);
    }
}
