package io.relais.query.rebuild;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the projection rebuild ({@code relais.rebuild}; defaults and environment variables in application.yml).
 *
 * @param progressInterval  how often a running rebuild reads the consumer groups' committed offsets (its progress)
 * @param groupEmptyTimeout how long the stopped listeners' consumer groups may take to become empty before the offsets
 *                          can be reset; past it the rebuild fails (another instance still consumes) and the listeners
 *                          are restarted, nothing emptied
 * @param adminTimeout      how long one Kafka admin call (list offsets, alter offsets, describe) may take
 * @param tailProbeTimeout  how long the check that only transaction markers are left before the end of a partition
 *                          may read (see {@link ProjectionRebuilds})
 * @param keptJobs          how many finished rebuild jobs stay visible
 * @param checksumFetchSize rows fetched at a time while hashing a table
 */
@ConfigurationProperties("relais.rebuild")
public record RebuildProperties(@DefaultValue("500ms") Duration progressInterval,
                                @DefaultValue("60s") Duration groupEmptyTimeout,
                                @DefaultValue("30s") Duration adminTimeout,
                                @DefaultValue("2s") Duration tailProbeTimeout,
                                @DefaultValue("20") int keptJobs,
                                @DefaultValue("1000") int checksumFetchSize) {
}
