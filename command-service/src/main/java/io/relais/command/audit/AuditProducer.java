package io.relais.command.audit;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * The audit side's own producer: plain JSON values (chain heads, denied attempts) rather than the relay's CloudEvents,
 * with the same guarantees (acks=all, idempotent). Not a {@code KafkaTemplate} bean, so the relay keeps Spring
 * Boot's.
 */
@Component
class AuditProducer implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, String> producers;
    private final KafkaTemplate<String, String> kafka;

    AuditProducer(KafkaProperties properties) {
        Map<String, Object> settings = properties.buildProducerProperties(null);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producers = new DefaultKafkaProducerFactory<>(settings);
        this.kafka = new KafkaTemplate<>(producers);
    }

    CompletableFuture<SendResult<String, String>> send(String topic, String key, String json) {
        return kafka.send(topic, key, json);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
