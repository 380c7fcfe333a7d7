package io.relais.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.relais.kpi.sla.SlaClockTopology;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class KafkaStreamsHealthIndicatorTest {

    @TempDir
    Path stateDir;

    @Test
    void shouldReportDownWithTheState_whenTheStreamsAreNotRunningYet() {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "health-test");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        KpiStreamsRunner runner = new KpiStreamsRunner(
                new SlaClockTopology().build(new StreamsBuilder()), settings);
        try {
            Health health = new KafkaStreamsHealthIndicator(runner).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("state", "CREATED");
        } finally {
            runner.stop();
        }
    }
}
