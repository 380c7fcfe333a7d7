package io.relais.kpi.rolling;

import io.relais.contract.EventType;
import io.relais.contract.engagement.EngagementStarted;
import io.relais.kpi.KpiSerdes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the rates of every engagement in the global {@value RollingKpisTopology#ENGAGEMENTS_STORE} store. An ended
 * engagement keeps its rates: work completed under it keeps its cost. Since Kafka Streams 3.8 a global store added
 * with a processor is restored by replaying its topic through that processor, so the store only ever holds
 * {@link EngagementRates}.
 *
 * <p>Values are read as plain bytes, not as CloudEvents: a global store's bootstrap deserialises without the
 * record headers, where binary-mode CloudEvents keep their attributes. The payload is the event's JSON data; the
 * {@code ce_type} header, when present, says which event it is, and a payload without rates (an
 * {@code EngagementEnded}) is skipped either way.
 */
final class EngagementRatesUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(EngagementRatesUpdater.class);
    private static final String TYPE_HEADER = "ce_type";

    private KeyValueStore<String, EngagementRates> rates;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.rates = context.getStateStore(RollingKpisTopology.ENGAGEMENTS_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        Header type = record.headers() == null ? null : record.headers().lastHeader(TYPE_HEADER);
        if (type != null && !EventType.ENGAGEMENT_STARTED.cloudEventType()
                .equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return;
        }
        try {
            EngagementStarted started = KpiSerdes.CONTRACT_JSON.readValue(record.value(), EngagementStarted.class);
            String id = started.engagementId() != null ? started.engagementId() : record.key();
            if (id != null && started.internalHourlyRate() != null && started.providerHourlyRate() != null) {
                rates.put(id, new EngagementRates(id, started.providerOrganisation(),
                        EngagementRates.cents(started.internalHourlyRate()),
                        EngagementRates.cents(started.providerHourlyRate())));
            }
        } catch (IOException | RuntimeException undecodable) {
            log.debug("Not an engagement start with rates ({}): {}", record.key(), undecodable.getMessage());
        }
    }
}
