package io.relais.contract;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A Kafka topic as the services create it at start-up: partitions and retention are part of the
 * contract because subscribers rely on them (a topic that forgets events cannot be replayed).
 *
 * @param retention {@code null} means the topic keeps every record forever
 */
public record TopicSpec(String name, int partitions, Duration retention, CleanupPolicy cleanupPolicy) {

    public enum CleanupPolicy {
        DELETE, COMPACT;

        public String kafkaValue() {
            return name().toLowerCase();
        }
    }

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
        }
    }

    /** Kafka's {@code retention.ms}: -1 keeps forever. */
    public long retentionMs() {
        return retention == null ? -1L : retention.toMillis();
    }

    /** The topic-level settings every service creates the topic with ({@code retention.ms}, {@code cleanup.policy}). */
    public Map<String, String> topicConfigs() {
        return Map.of("retention.ms", Long.toString(retentionMs()), "cleanup.policy", cleanupPolicy.kafkaValue());
    }
}
