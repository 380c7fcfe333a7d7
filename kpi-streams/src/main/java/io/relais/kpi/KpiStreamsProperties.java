package io.relais.kpi;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lateEventGrace    how long after a window closes its late events still count
 * @param replicationFactor replication of the topics and internal topics (1 on a single broker)
 */
@ConfigurationProperties("relais.kpi")
public record KpiStreamsProperties(String applicationId, Path stateDir, Duration commitInterval,
                                   Duration lateEventGrace, short replicationFactor) {
}
