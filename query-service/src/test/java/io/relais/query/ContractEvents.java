package io.relais.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Events of any aggregate as command-service publishes them (see its CloudEventMapper), for tests: the
 * CloudEvents attributes, the actor extensions and the contract's JSON data.
 */
public final class ContractEvents {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private ContractEvents() {
    }

    /** Who publishes an event in tests: a demo user with their roles (comma-separated) and organisation. */
    public record By(String name, String roles, String organisation) {
    }

    /** Procedures and engagements are managed by the back-office owner. */
    public static final By ADMIN = new By("admin", "ADMIN", "acme");

    /** The event's type from the payload's class, caused by {@code by}, at {@code time}. */
    public static CloudEvent event(String subject, long sequence, Object payload, By by, Instant time) {
        EventType type = EventType.ofPayload(payload.getClass()).orElseThrow();
        return builder(subject, sequence, type, by)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withData(json(payload))
                .build();
    }

    /** The contract's JSON example of {@code type} as the data of a CloudEvent about {@code subject}. */
    public static CloudEvent example(EventType type, String subject, long sequence, By by, Instant time) {
        return builder(subject, sequence, type, by)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withData(exampleData(type))
                .build();
    }

    /** An event no caller caused (a scheduler fired it): no actor extensions, no correlation id. */
    public static CloudEvent systemEvent(String subject, long sequence, Object payload, Instant time) {
        EventType type = EventType.ofPayload(payload.getClass()).orElseThrow();
        return anonymousBuilder(subject, sequence, type)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withData(json(payload))
                .build();
    }

    /** Every attribute command-service sets but time and data. */
    public static CloudEventBuilder builder(String subject, long sequence, EventType type, By by) {
        return anonymousBuilder(subject, sequence, type)
                .withExtension(CloudEventAttributes.ACTOR, by.name())
                .withExtension(CloudEventAttributes.ACTOR_ROLES, by.roles())
                .withExtension(CloudEventAttributes.ACTOR_ORGANISATION, by.organisation())
                .withExtension(CloudEventAttributes.CORRELATION_ID, "test-" + subject + "-" + sequence);
    }

    /** The attributes of an event without an actor. */
    public static CloudEventBuilder anonymousBuilder(String subject, long sequence, EventType type) {
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create(CloudEventAttributes.SOURCE))
                .withType(type.cloudEventType())
                .withSubject(subject)
                .withDataContentType(CloudEventAttributes.DATA_CONTENT_TYPE)
                .withExtension(CloudEventAttributes.AGGREGATE_SEQUENCE, sequence)
                .withExtension(CloudEventAttributes.AGGREGATE_TYPE, type.aggregateType());
    }

    /** The JSON example the contract ships for {@code type}. */
    public static byte[] exampleData(EventType type) {
        String resource = "/io/relais/contract/examples/" + type.cloudEventType() + ".json";
        try (InputStream in = ContractEvents.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Binary mode as on the topic: attributes become text headers, so the sequence comes back as a string. */
    public static CloudEvent throughKafka(String topic, CloudEvent event) {
        var headers = new RecordHeaders();
        try (var serializer = new CloudEventSerializer(); var deserializer = new CloudEventDeserializer()) {
            serializer.configure(Map.of(), false);
            byte[] value = serializer.serialize(topic, headers, event);
            return deserializer.deserialize(topic, headers, value);
        }
    }

    public static byte[] json(Object payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
