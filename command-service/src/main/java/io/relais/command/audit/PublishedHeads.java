package io.relais.command.audit;

import io.relais.contract.Topics;
import io.relais.contract.audit.ChainHead;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.stereotype.Component;

/** Reads the latest chain head published on {@code relais.audit-heads.v1}, outside the database verify checks. */
@Component
class PublishedHeads {

    private final KafkaProperties kafka;
    private final Duration timeout;

    PublishedHeads(KafkaProperties kafka, AuditSettings settings) {
        this.kafka = kafka;
        this.timeout = settings.headReadTimeout();
    }

    Optional<ChainHead> latest() {
        Map<String, Object> settings = kafka.buildConsumerProperties(null);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        TopicPartition partition = new TopicPartition(Topics.AUDIT_HEADS.name(), 0);
        try (var consumer = new KafkaConsumer<String, String>(settings)) {
            consumer.assign(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition), timeout).get(partition);
            if (end == 0) {
                return Optional.empty();
            }
            consumer.seek(partition, end - 1);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == end - 1) {
                        return Optional.of(AuditJson.read(record.value(), ChainHead.class));
                    }
                }
            }
            throw new IllegalStateException("The latest chain head (offset " + (end - 1) + ") could not be read in "
                    + timeout);
        }
    }
}
