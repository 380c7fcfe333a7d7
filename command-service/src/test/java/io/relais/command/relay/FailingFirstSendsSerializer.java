package io.relais.command.relay;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;

/** Stands for a broker that refuses the first sends: the relay must retry them, never skip them. */
public class FailingFirstSendsSerializer extends CloudEventSerializer {

    static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

    @Override
    public byte[] serialize(String topic, Headers headers, CloudEvent data) {
        if (FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new SerializationException("injected send failure");
        }
        return super.serialize(topic, headers, data);
    }
}
