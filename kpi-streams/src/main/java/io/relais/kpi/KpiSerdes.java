package io.relais.kpi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.sla.SlaAlert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The serdes of every topic and store kpi-streams touches, in one place. */
public final class KpiSerdes {

    private static final Logger log = LoggerFactory.getLogger(KpiSerdes.class);

    /** The contract's wire format: ISO-8601 instants, record field names. */
    public static final ObjectMapper CONTRACT_JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public static final Serde<String> KEY = Serdes.String();

    /** Task events as the relay writes them: CloudEvents in binary content mode (attributes in headers). */
    public static final Serde<CloudEvent> CLOUD_EVENT =
            Serdes.serdeFrom(new CloudEventSerializer(), new CloudEventDeserializer());

    public static final Serde<KpiValue> KPI_VALUE = json(KpiValue.class);

    /** {@code relais.sla-alerts.v1}: plain JSON, durations as whole seconds. */
    public static final Serde<SlaAlert> SLA_ALERT = json(SlaAlert.class);

    private KpiSerdes() {
    }

    public static <T> Serde<T> json(Class<T> type) {
        Serializer<T> serializer = (topic, value) -> {
            try {
                return value == null ? null : CONTRACT_JSON.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("Cannot write " + type.getSimpleName(), e);
            }
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            try {
                return bytes == null ? null : CONTRACT_JSON.readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("Cannot read " + type.getSimpleName(), e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    /** @throws UncheckedIOException when the event carries no data or data that is not a {@code type} */
    public static <T> T readData(CloudEvent event, Class<T> type) {
        if (event.getData() == null) {
            throw new UncheckedIOException(new IOException("No data in " + event.getType() + " " + event.getId()));
        }
        try {
            return CONTRACT_JSON.readValue(event.getData().toBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Undecodable " + event.getType() + " " + event.getId(), e);
        }
    }

    /**
     * The event's data as {@code type}, or empty (logged) when it cannot be read: a processor that threw instead
     * would stop its stream thread on the same record at every restart.
     */
    public static <T> Optional<T> readDataOrSkip(CloudEvent event, Class<T> type) {
        try {
            return Optional.of(readData(event, type));
        } catch (RuntimeException undecodable) {
            log.warn("Skipping {} {} of task {}: {}", event.getType(), event.getId(), event.getSubject(),
                    undecodable.getMessage());
            return Optional.empty();
        }
    }
}
