package io.relais.kpi;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code kafkaStreams}, part of the readiness group: the service only counts as ready
 * while its streams process records, so it is DOWN while they start, rebalance or after they failed.
 */
@Component
class KafkaStreamsHealthIndicator implements HealthIndicator {

    private final KpiStreamsRunner runner;

    KafkaStreamsHealthIndicator(KpiStreamsRunner runner) {
        this.runner = runner;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = runner.state();
        Health.Builder health = state == KafkaStreams.State.RUNNING ? Health.up() : Health.down();
        return health.withDetail("state", state.name()).build();
    }
}
