package io.relais.kpi;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Windows follow when things happened (the CloudEvent {@code time}, set from the event store), not when a
 * record reached the broker: a relay catching up after an outage must not move events into another day.
 */
public final class CloudEventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof CloudEvent event && event.getTime() != null) {
            return event.getTime().toInstant().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
