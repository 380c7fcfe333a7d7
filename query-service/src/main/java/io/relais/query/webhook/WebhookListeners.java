package io.relais.query.webhook;

import io.cloudevents.CloudEvent;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads the events subscriptions can ask for, in a consumer group of their own ({@code <group>-webhooks}: a
 * projection rebuild resets only the projections' groups, never this one, so a rebuild re-sends nothing), and records
 * one delivery per matching active subscription (the outbox, {@link WebhookRepository#record}). The offset is
 * committed after each record, once that transaction committed: a crash in between re-reads the record, whose rows
 * are then found by their key (subscription, event id), which outlives the delivery's purge ({@link WebhookRetention}).
 * So every event is recorded, once.
 */
class WebhookListeners {

    static final String GROUP = "${spring.kafka.consumer.group-id}-webhooks";

    private final WebhookRepository repository;
    private final Clock clock;

    WebhookListeners(WebhookRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @KafkaListener(id = "webhook-task-events", groupId = GROUP,
            topics = "#{T(io.relais.contract.Topics).TASKS.name()}",
            containerFactory = WebhookConfiguration.CLOUD_EVENT_LISTENER_FACTORY)
    void onTaskEvent(ConsumerRecord<String, CloudEvent> record) {
        onCloudEvent(record);
    }

    @KafkaListener(id = "webhook-access-events", groupId = GROUP,
            topics = "#{T(io.relais.contract.Topics).ACCESS.name()}",
            containerFactory = WebhookConfiguration.CLOUD_EVENT_LISTENER_FACTORY)
    void onAccessEvent(ConsumerRecord<String, CloudEvent> record) {
        onCloudEvent(record);
    }

    @KafkaListener(id = "webhook-sla-alerts", groupId = GROUP,
            topics = "#{T(io.relais.contract.Topics).SLA_ALERTS.name()}",
            containerFactory = WebhookConfiguration.SLA_ALERT_LISTENER_FACTORY)
    void onSlaAlert(ConsumerRecord<String, String> record) {
        if (record.value() == null || record.value().isBlank()) {
            return;
        }
        WebhookEvent event = WebhookEvent.ofSlaAlert(record.value());
        repository.record(event.type(), () -> event, record.topic(), record.partition(), record.offset(),
                clock.instant());
    }

    private void onCloudEvent(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null || event.getType() == null) {
            return;
        }
        repository.record(event.getType(), () -> WebhookEvent.of(event), record.topic(), record.partition(),
                record.offset(), clock.instant());
    }
}
