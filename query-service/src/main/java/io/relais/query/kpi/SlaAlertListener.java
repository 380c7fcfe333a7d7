package io.relais.query.kpi;

import io.relais.contract.sla.SlaAlert;
import io.relais.query.projection.InvalidRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Projects {@code relais.sla-alerts.v1} into {@code sla_alert}, one row per task and kind. */
@Component
class SlaAlertListener {

    private final SlaAlertRepository alerts;
    private final ApplicationEventPublisher events;

    SlaAlertListener(SlaAlertRepository alerts, ApplicationEventPublisher events) {
        this.alerts = alerts;
        this.events = events;
    }

    @KafkaListener(id = "sla-alert-projection", idIsGroup = false,
            topics = "#{T(io.relais.contract.Topics).SLA_ALERTS.name()}",
            containerFactory = KpiKafkaConfiguration.SLA_ALERT_LISTENER_FACTORY)
    void on(ConsumerRecord<String, SlaAlert> record) {
        SlaAlert alert = record.value();
        if (alert == null) {
            return;
        }
        if (alert.taskId() == null || alert.taskId().isBlank() || alert.kind() == null
                || alert.detectedAt() == null) {
            throw new InvalidRecordException("Incomplete SLA alert (taskId, kind and detectedAt are required): "
                    + alert);
        }
        alerts.upsert(alert);
        events.publishEvent(alert); // live updates push it once committed
    }
}
