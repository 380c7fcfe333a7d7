package io.relais.kpi;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the Kafka Streams instance with the application's lifecycle (after the topics exist) and reports
 * its state as health: not ready until it is RUNNING, down once it has failed.
 */
@Component("kafkaStreams")
class KpiStreamsRunner implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(KpiStreamsRunner.class);

    private final KafkaStreams streams;
    private final String bootstrapServers;
    private volatile boolean running;

    KpiStreamsRunner(Topology kpiTopology, Properties kpiStreamsSettings) {
        this.streams = new KafkaStreams(kpiTopology, kpiStreamsSettings);
        this.bootstrapServers = kpiStreamsSettings.getProperty("bootstrap.servers");
        streams.setStateListener((now, before) -> log.info("Kafka Streams {} -> {}", before, now));
    }

    @Override
    public void start() {
        log.info("kpi-streams connecting to Kafka {}", bootstrapServers);
        streams.start();
        running = true;
    }

    @Override
    public void stop() {
        streams.close(Duration.ofSeconds(30));
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        Health.Builder health = switch (state) {
            case RUNNING -> Health.up();
            case CREATED, REBALANCING -> Health.outOfService();
            default -> Health.down();
        };
        return health.withDetail("state", state.name()).build();
    }
}
