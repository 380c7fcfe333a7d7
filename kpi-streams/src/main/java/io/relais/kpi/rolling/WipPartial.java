package io.relais.kpi.rolling;

import java.time.Instant;

/**
 * The open tasks of one group in one input partition as of {@code asOf} (a wall-clock punctuation): the
 * partition's share of the backlog and WIP-ageing figures, summed over partitions downstream.
 *
 * @param group          {@code dimension=group}
 * @param sumAgeSeconds  Σ (asOf − requestedAt) over the open tasks, whole seconds
 * @param maxAgeSeconds  the oldest open task's age, 0 when there is none
 */
public record WipPartial(String group, int partition, long count, long sumAgeSeconds, long maxAgeSeconds,
                         Instant asOf) {

    public String key() {
        return group + "|" + partition;
    }
}
