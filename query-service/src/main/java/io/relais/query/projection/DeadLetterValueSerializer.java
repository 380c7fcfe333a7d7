package io.relais.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a dead letter's value as the original record carried it. The record keeps its headers, so a binary-mode
 * CloudEvent is its data alone (its attributes are the {@code ce_*} headers); raw bytes (an undecodable record) are
 * written untouched; anything else a listener decoded from JSON goes back to JSON.
 */
public class DeadLetterValueSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof CloudEvent event) {
            return event.getData() == null ? null : event.getData().toBytes();
        }
        try {
            return ContractJson.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException unwritable) {
            throw new SerializationException("A dead letter of " + value.getClass().getName() + " cannot be written",
                    unwritable);
        }
    }
}
