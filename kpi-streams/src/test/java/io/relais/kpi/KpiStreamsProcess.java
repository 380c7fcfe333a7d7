package io.relais.kpi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import io.relais.kpi.rolling.RollingKpisTopology;
import io.relais.kpi.sla.SlaClockTopology;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * The service's topologies and Kafka Streams settings (exactly-once v2) in a JVM of its own, so that a test can kill
 * it like a crash ({@code kill -9}): no close, no commit, no flush. Arguments: bootstrap servers, application id,
 * state directory, grace in hours.
 */
public final class KpiStreamsProcess {

    private KpiStreamsProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        KpiStreamsProperties properties = new KpiStreamsProperties(args[1], Path.of(args[2]), Duration.ofMillis(500),
                Duration.ofHours(Long.parseLong(args[3])), (short) 1, null,
                new KpiStreamsProperties.Rolling(Duration.ofMillis(200), Duration.ofSeconds(1)), null);
        Properties settings = new KpiStreamsConfiguration().kpiStreamsSettings(properties, args[0]);
        // the killed instance leaves the group after its session timeout: keep that short for the test
        settings.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        settings.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
        // the service's topologies, the rolling KPIs on in-memory stores: every restart restores them entirely from
        // their changelogs (the harder path), and a two-core CI machine gets through the workload in seconds
        StreamsBuilder builder = new StreamsBuilder();
        new SlaClockTopology(properties.sla().punctuationInterval(), properties.sla().atRiskRatio()).addTo(builder);
        new RollingKpisTopology(properties.lateEventGrace(), properties.rolling().publishInterval(),
                properties.rolling().wipInterval(), properties.health()).withInMemoryStores().addTo(builder);
        KafkaStreams streams = new KafkaStreams(builder.build(), settings);
        streams.start();
        System.out.println("kpi-streams process started");
        Thread.currentThread().join();
    }
}
