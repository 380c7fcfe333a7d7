package io.relais.kpi;

import io.relais.calendar.SlaClock;
import io.relais.kpi.rolling.HealthWeights;
import io.relais.kpi.rolling.RollingKpisTopology;
import io.relais.kpi.sla.SlaClockTopology;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lateEventGrace    how long after a window closes its late events still count
 * @param replicationFactor replication of the topics and internal topics (1 on a single broker)
 * @param sla               the SLA clocks' timer and at-risk threshold
 * @param rolling           when the rolling KPIs are published
 * @param health            the health-score weights per company phase (growth, transformation, sale)
 */
@ConfigurationProperties("relais.kpi")
public record KpiStreamsProperties(String applicationId, Path stateDir, Duration commitInterval,
                                   Duration lateEventGrace, short replicationFactor, Sla sla, Rolling rolling,
                                   HealthWeights health) {

    public KpiStreamsProperties {
        sla = sla == null ? new Sla(null, null) : sla;
        rolling = rolling == null ? new Rolling(null, null) : rolling;
        health = health == null ? HealthWeights.DEFAULTS : health;
        lateEventGrace = lateEventGrace == null ? Duration.ofHours(1) : lateEventGrace;
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

    /**
     * @param publishInterval how often the windows that changed are published (default 1 s)
     * @param wipInterval     how often the backlog and WIP ageing are recomputed (default 30 s)
     */
    public record Rolling(Duration publishInterval, Duration wipInterval) {
        public Rolling {
            publishInterval = publishInterval == null ? RollingKpisTopology.DEFAULT_PUBLISH_INTERVAL
                    : publishInterval;
            wipInterval = wipInterval == null ? RollingKpisTopology.DEFAULT_WIP_INTERVAL : wipInterval;
        }
    }
}
