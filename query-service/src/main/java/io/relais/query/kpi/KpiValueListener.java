package io.relais.query.kpi;

import io.relais.contract.kpi.KpiValue;
import io.relais.query.projection.InvalidRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Mirrors the compacted KPI topic into {@code kpi_value}: a value replaces the previous one of its key, a
 * tombstone (null value) removes it. Replaying the topic yields the same table, so no sequence check is needed.
 */
@Component
class KpiValueListener {

    private static final Logger log = LoggerFactory.getLogger(KpiValueListener.class);

    private final KpiRepository kpis;
    private final ApplicationEventPublisher events;

    KpiValueListener(KpiRepository kpis, ApplicationEventPublisher events) {
        this.kpis = kpis;
        this.events = events;
    }

    @KafkaListener(id = "kpi-projection", idIsGroup = false, topics = "#{T(io.relais.contract.Topics).KPIS.name()}",
            containerFactory = KpiKafkaConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, KpiValue> record) {
        KpiValue value = record.value();
        if (value == null) {
            kpis.delete(record.key());
            return;
        }
        requireComplete(value);
        if (record.key() != null && !record.key().equals(value.key())) {
            log.warn("KPI record key {} differs from its value's key {}; stored under the latter", record.key(),
                    value.key());
        }
        kpis.upsert(value);
        events.publishEvent(value); // live updates push it once committed
    }

    private static void requireComplete(KpiValue value) {
        if (isBlank(value.kpi()) || isBlank(value.dimension()) || isBlank(value.group())
                || value.windowStart() == null || value.windowEnd() == null) {
            throw new InvalidRecordException("Incomplete KPI value (kpi, dimension, group, windowStart and"
                    + " windowEnd are required): " + value);
        }
        if (!Double.isFinite(value.value())) {
            throw new InvalidRecordException("KPI value is not a finite number: " + value);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
