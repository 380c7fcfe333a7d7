package io.relais.query.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whether the rest of a partition, up to a given end, holds no record a read-committed consumer would see: only
 * transaction markers (commit/abort) and aborted records. On a topic written in transactions (kpi-streams'
 * exactly-once output) each commit leaves such a marker, which takes an offset; a listener commits the offset after
 * the last record it processed, so its committed offset stops short of the end offset by the markers that follow.
 */
final class TransactionTail {

    private TransactionTail() {
    }

    /**
     * Reads {@code partition} from {@code from} with a consumer of its own (no group, read-committed, nothing
     * committed) until its position passes {@code end} or a record before {@code end} shows up, for at most
     * {@code timeout}.
     *
     * @param consumerConfig the service's consumer settings (bootstrap servers, security); group and commit settings
     *                       are overridden
     * @return true if no record lies in [from, end); false if one does, or if that could not be told in time
     */
    static boolean onlyMarkersBetween(Map<String, Object> consumerConfig, TopicPartition partition, long from,
                                      long end, Duration timeout) {
        if (from >= end) {
            return true;
        }
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "relais-rebuild-tail-probe");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, from);
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100)).records(partition)) {
                    if (record.offset() < end) {
                        return false;
                    }
                }
                if (consumer.position(partition) >= end) {
                    return true;
                }
            }
            return false;
        }
    }
}
