package io.relais.kpi.rolling;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The latest {@link WipPartial} of every input partition for one group. */
public record WipTotal(Map<Integer, WipPartial> partials) {

    public WipTotal {
        partials = partials == null ? new TreeMap<>() : new TreeMap<>(partials);
    }

    static WipTotal empty() {
        return new WipTotal(null);
    }

    WipTotal with(WipPartial partial) {
        Map<Integer, WipPartial> more = new TreeMap<>(partials);
        more.put(partial.partition(), partial);
        return new WipTotal(more);
    }

    WipTotal without(WipPartial partial) {
        Map<Integer, WipPartial> less = new TreeMap<>(partials);
        less.remove(partial.partition(), partial);
        return new WipTotal(less);
    }

    long count() {
        return partials.values().stream().mapToLong(WipPartial::count).sum();
    }

    long sumAgeSeconds() {
        return partials.values().stream().mapToLong(WipPartial::sumAgeSeconds).sum();
    }

    long maxAgeSeconds() {
        return partials.values().stream().mapToLong(WipPartial::maxAgeSeconds).max().orElse(0);
    }

    /** The latest punctuation instant among the partitions. */
    Instant asOf() {
        return partials.values().stream().map(WipPartial::asOf).max(Instant::compareTo).orElse(Instant.EPOCH);
    }
}
