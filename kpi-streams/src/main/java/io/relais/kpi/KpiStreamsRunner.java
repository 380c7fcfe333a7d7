package io.relais.kpi;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the Kafka Streams instance with the application's lifecycle. As a {@link SmartLifecycle} it starts
 * after every singleton is initialised, i.e. after {@code KafkaAdmin} has created the topics the topology
 * reads: Kafka Streams fails on a missing source topic.
 */
@Component
class KpiStreamsRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KpiStreamsRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final String bootstrapServers;
    private volatile boolean running;

    KpiStreamsRunner(Topology kpiTopology, Properties kpiStreamsSettings) {
        this.streams = new KafkaStreams(kpiTopology, kpiStreamsSettings);
        this.bootstrapServers = kpiStreamsSettings.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
        streams.setStateListener((now, before) -> log.info("Kafka Streams {} -> {}", before, now));
    }

    @Override
    public void start() {
        log.info("kpi-streams connecting to Kafka at {}", bootstrapServers);
        streams.start();
        running = true;
    }

    @Override
    public void stop() {
        streams.close(CLOSE_TIMEOUT);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    KafkaStreams.State state() {
        return streams.state();
    }
}
