package io.relais.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.relais.contract.task.TaskEscalated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.xml.XStreamSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Issue 9, item 12: no XStream, and no stored type outside the allow-list is ever instantiated. */
class SerializerLockdownTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(SerializerLockdown.class);
    private final Serializer locked = new AllowListSerializer(JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).lenientDeserialization().build());

    @Test
    void shouldRefuseToStart_whenAnXStreamSerializerIsConfigured() {
        context.withBean("serializer", Serializer.class,
                        () -> XStreamSerializer.builder().xStream(new com.thoughtworks.xstream.XStream()).build())
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("XStream"));
    }

    @Test
    void shouldRefuseToStart_whenJacksonIsConfiguredWithoutTheAllowList() {
        context.withBean("eventSerializer", Serializer.class, () -> JacksonSerializer.defaultSerializer())
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("allow-list"));
    }

    @Test
    void shouldStart_whenEverySerializerIsJacksonBehindTheAllowList() {
        context.withBean("serializer", Serializer.class, () -> locked)
                .run(started -> assertThat(started).hasNotFailed());
    }

    @Test
    void shouldReadBackRelaisEventsAndAxonTokens() {
        TaskEscalated event = new TaskEscalated("task-1", "Bloqué", "claire", Instant.parse("2026-03-02T09:00:00Z"));
        SerializedObject<byte[]> stored = locked.serialize(event, byte[].class);
        SerializedObject<byte[]> token = locked.serialize(new GlobalSequenceTrackingToken(42), byte[].class);

        assertThat((Object) locked.deserialize(stored)).isEqualTo(event);
        assertThat((Object) locked.deserialize(token)).isEqualTo(new GlobalSequenceTrackingToken(42));
    }

    @Test
    void shouldRefuseAStoredPayload_whoseTypeIsNotOnTheAllowList() {
        for (String forged : new String[] {"java.lang.ProcessBuilder", "javax.management.BadAttributeValueExpException",
                "com.example.Gadget", "java.util.HashMap"}) {
            SerializedObject<byte[]> row = new SimpleSerializedObject<>("{}".getBytes(StandardCharsets.UTF_8),
                    byte[].class, forged, null);
            assertThatThrownBy(() -> locked.deserialize(row)).as(forged)
                    .isInstanceOf(SerializationException.class).hasMessageContaining("Refused").hasMessageContaining(forged);
            assertThatThrownBy(() -> locked.classForType(row.getType())).isInstanceOf(SerializationException.class);
        }
    }
}
