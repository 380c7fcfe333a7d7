package io.relais.kpi;

import io.relais.calendar.SlaClock;
import io.relais.kpi.sla.SlaClockTopology;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lateEventGrace    how long after a window closes its late events still count
 * @param replicationFactor replication of the topics and internal topics (1 on a single broker)
 * @param sla               the SLA clocks' timer and at-risk threshold
 */
@ConfigurationProperties("relais.kpi")
public record KpiStreamsProperties(String applicationId, Path stateDir, Duration commitInterval,
                                   Duration lateEventGrace, short replicationFactor, Sla sla) {

    public KpiStreamsProperties {
        sla = sla == null ? new Sla(null, null) : sla;
    }

    /**
     * @param punctuationInterval how often the SLA timers are checked against the wall clock (default 1 s)
     * @param atRiskRatio         the share of the budget from which a task is at risk, in (0, 1] (default 0.8)
     */
    public record Sla(Duration punctuationInterval, Double atRiskRatio) {
        public Sla {
            punctuationInterval = punctuationInterval == null
                    ? SlaClockTopology.DEFAULT_PUNCTUATION_INTERVAL : punctuationInterval;
            atRiskRatio = atRiskRatio == null ? SlaClock.DEFAULT_AT_RISK_RATIO : atRiskRatio;
        }
    }
}
