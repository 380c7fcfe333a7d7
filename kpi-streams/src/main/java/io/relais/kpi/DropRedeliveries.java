package io.relais.kpi;

import io.cloudevents.CloudEvent;
import io.relais.contract.CloudEventAttributes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The relay publishes at least once, so an event can arrive twice. Records are keyed by aggregate id and
 * each carries its aggregate sequence: anything at or below the last sequence seen for that aggregate has
 * been counted already and is dropped. The store is changelogged, so this holds across restarts.
 */
public final class DropRedeliveries implements FixedKeyProcessor<String, CloudEvent, CloudEvent> {

    private final String storeName;
    private FixedKeyProcessorContext<String, CloudEvent> context;
    private KeyValueStore<String, Long> lastSequences;

    public DropRedeliveries(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CloudEvent> context) {
        this.context = context;
        this.lastSequences = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, CloudEvent> record) {
        Long sequence = sequenceOf(record.value());
        if (record.key() == null || sequence == null) {
            return; // not a Relais aggregate event: nothing to count it by
        }
        Long last = lastSequences.get(record.key());
        if (last != null && sequence <= last) {
            return;
        }
        lastSequences.put(record.key(), sequence);
        context.forward(record);
    }

    static Long sequenceOf(CloudEvent event) {
        if (event == null) {
            return null;
        }
        Object value = event.getExtension(CloudEventAttributes.AGGREGATE_SEQUENCE);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException notASequence) {
                return null;
            }
        }
        return null;
    }
}
