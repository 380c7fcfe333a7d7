package io.relais.query.webhook;

import io.relais.contract.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Where a new subscription starts (README, "Webhooks", no backfill): the end offset of every partition of the topics
 * {@link WebhookListeners} read. Asked of the broker with an Admin client built from Spring's {@link KafkaAdmin}
 * settings, as the projection rebuild does; no producer. The end offset is the last stable offset
 * ({@code READ_COMMITTED}), the listeners' isolation level: a record below it was readable before the subscription
 * existed, one at or above it only after.
 */
class WebhookStartOffsets {

    private static final Logger log = LoggerFactory.getLogger(WebhookStartOffsets.class);

    /** The topics {@link WebhookListeners} read. */
    static final List<String> TOPICS = List.of(Topics.TASKS.name(), Topics.ACCESS.name(), Topics.SLA_ALERTS.name());

    private final KafkaAdmin kafkaAdmin;
    private final Duration timeout;

    WebhookStartOffsets(KafkaAdmin kafkaAdmin, Duration timeout) {
        this.kafkaAdmin = kafkaAdmin;
        this.timeout = timeout;
    }

    /**
     * The end offset of every partition of {@link #TOPICS}, now.
     *
     * @throws org.springframework.web.ErrorResponseException 503 {@code temporarily-unavailable} if the broker does not
     *                                                        answer within the timeout
     */
    Map<TopicPartition, Long> endOffsets() {
        long deadline = System.nanoTime() + timeout.toNanos();
        Admin admin;
        try {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        } catch (KafkaException failure) {
            throw unavailable(failure);
        }
        try {
            Map<String, TopicDescription> topics = admin.describeTopics(TOPICS).allTopicNames()
                    .get(remaining(deadline), TimeUnit.NANOSECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.values().forEach(topic -> topic.partitions().forEach(partition ->
                    latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(remaining(deadline), TimeUnit.NANOSECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable(interrupted);
        } catch (ExecutionException | TimeoutException | KafkaException failure) {
            throw unavailable(failure);
        } finally {
            // an unreachable broker must not hold the request up any longer: pending calls are abandoned
            admin.close(Duration.ZERO);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private RuntimeException unavailable(Exception failure) {
        log.warn("Webhook subscription refused: no end offsets of {} from the broker within {}: {}", TOPICS, timeout,
                failure.getCause() == null ? failure.toString() : failure.getCause().toString());
        return WebhookProblems.brokerUnavailable();
    }
}
