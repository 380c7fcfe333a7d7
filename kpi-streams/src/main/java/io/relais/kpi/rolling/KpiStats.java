package io.relais.kpi.rolling;

import io.relais.contract.task.IncidentKind;
import io.relais.contract.task.TaskPriority;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Everything the windowed KPIs of one group in one window are computed from: exact counts and sums (longs, money in
 * cent-minutes, i.e. minutes × euro cents per hour) and, for the exact percentiles, every processing time of the
 * window, kept sorted. Mutable: the aggregator adds to the copy the store just deserialised.
 *
 * <p>Stored with a compact binary serde ({@link #SERDE}): windows are updated on every fact, and a JSON array of a
 * week's processing times would cost far more to write on each update.
 */
public final class KpiStats {

    private static final byte FORMAT = 1;
    private static final int SCALARS = 27;

    long requested;
    long requestedWithSop;
    long completions;
    long completionsChecklistPassed;
    long timeSpentMinutes;
    long providerCostCentMinutes;
    long internalCostCentMinutes;
    long approved;
    long slaClosed;
    long slaOnTime;
    long criticalClosed;
    long criticalOnTime;
    long costedApprovals;
    long approvalsCostCentMinutes;
    long reworks;
    long incidents;
    long incidentsLow;
    long incidentsMedium;
    long incidentsHigh;
    long incidentsCritical;
    long dataIncidents;
    long ratings;
    long ratingSum;
    long promoters;
    long detractors;
    long slaElapsedSum;
    long wallSum;
    long[] slaElapsed = new long[0];
    long[] wall = new long[0];

    public KpiStats add(KpiFact fact) {
        switch (fact.kind()) {
            case REQUESTED -> {
                requested++;
                if (fact.processId() != null) {
                    requestedWithSop++;
                }
            }
            case COMPLETED -> {
                completions++;
                if (fact.checklistPassed()) {
                    completionsChecklistPassed++;
                }
                timeSpentMinutes += fact.timeSpentMinutes();
                if (fact.providerRateCents() != null && fact.internalRateCents() != null) {
                    providerCostCentMinutes += fact.timeSpentMinutes() * fact.providerRateCents();
                    internalCostCentMinutes += fact.timeSpentMinutes() * fact.internalRateCents();
                }
            }
            case APPROVED -> {
                approved++;
                wall = insertSorted(wall, fact.wallSeconds());
                wallSum += fact.wallSeconds();
                if (fact.slaElapsedSeconds() != null) {
                    slaElapsed = insertSorted(slaElapsed, fact.slaElapsedSeconds());
                    slaElapsedSum += fact.slaElapsedSeconds();
                }
                if (fact.slaOnTime() != null) {
                    slaClosed++;
                    if (fact.slaOnTime()) {
                        slaOnTime++;
                    }
                    if (fact.priority() == TaskPriority.CRITICAL) {
                        criticalClosed++;
                        if (fact.slaOnTime()) {
                            criticalOnTime++;
                        }
                    }
                }
                if (fact.taskCostCentMinutes() != null) {
                    costedApprovals++;
                    approvalsCostCentMinutes += fact.taskCostCentMinutes();
                }
            }
            case REWORK_REQUESTED -> reworks++;
            case INCIDENT -> {
                incidents++;
                if (fact.severity() != null) {
                    switch (fact.severity()) {
                        case LOW -> incidentsLow++;
                        case MEDIUM -> incidentsMedium++;
                        case HIGH -> incidentsHigh++;
                        case CRITICAL -> incidentsCritical++;
                    }
                }
                if (fact.incidentKind() == IncidentKind.DATA_INCIDENT) {
                    dataIncidents++;
                }
            }
            case RATED -> {
                ratings++;
                ratingSum += fact.rating();
                if (fact.rating() >= 9) {
                    promoters++;
                } else if (fact.rating() <= 6) {
                    detractors++;
                }
            }
        }
        return this;
    }

    private static long[] insertSorted(long[] sorted, long value) {
        int at = Arrays.binarySearch(sorted, value);
        int index = at >= 0 ? at : -at - 1;
        long[] more = new long[sorted.length + 1];
        System.arraycopy(sorted, 0, more, 0, index);
        more[index] = value;
        System.arraycopy(sorted, index, more, index + 1, sorted.length - index);
        return more;
    }

    /**
     * Nearest rank: the smallest value such that at least {@code percent} % of the values are at or below it, i.e.
     * {@code sorted[ceil(percent / 100 × n) − 1]} (integer arithmetic, no rounding doubt).
     */
    static long nearestRank(long[] sorted, int percent) {
        int rank = (int) ((percent * (long) sorted.length + 99) / 100);
        return sorted[Math.max(rank, 1) - 1];
    }

    private long[] scalars() {
        return new long[] {requested, requestedWithSop, completions, completionsChecklistPassed, timeSpentMinutes,
                providerCostCentMinutes, internalCostCentMinutes, approved, slaClosed, slaOnTime, criticalClosed,
                criticalOnTime, costedApprovals, approvalsCostCentMinutes, reworks, incidents, incidentsLow,
                incidentsMedium, incidentsHigh, incidentsCritical, dataIncidents, ratings, ratingSum, promoters,
                detractors, slaElapsedSum, wallSum};
    }

    private void scalars(long[] s) {
        int i = 0;
        requested = s[i++];
        requestedWithSop = s[i++];
        completions = s[i++];
        completionsChecklistPassed = s[i++];
        timeSpentMinutes = s[i++];
        providerCostCentMinutes = s[i++];
        internalCostCentMinutes = s[i++];
        approved = s[i++];
        slaClosed = s[i++];
        slaOnTime = s[i++];
        criticalClosed = s[i++];
        criticalOnTime = s[i++];
        costedApprovals = s[i++];
        approvalsCostCentMinutes = s[i++];
        reworks = s[i++];
        incidents = s[i++];
        incidentsLow = s[i++];
        incidentsMedium = s[i++];
        incidentsHigh = s[i++];
        incidentsCritical = s[i++];
        dataIncidents = s[i++];
        ratings = s[i++];
        ratingSum = s[i++];
        promoters = s[i++];
        detractors = s[i++];
        slaElapsedSum = s[i++];
        wallSum = s[i];
    }

    /** Format byte, the scalars, then each sorted array as its length and its values; all big-endian longs. */
    public static final Serde<KpiStats> SERDE = Serdes.serdeFrom(
            (Serializer<KpiStats>) (topic, stats) -> stats == null ? null : stats.toBytes(),
            (Deserializer<KpiStats>) (topic, bytes) -> bytes == null ? null : fromBytes(bytes));

    byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(1 + 8 * (SCALARS + 2 + slaElapsed.length + wall.length));
        buffer.put(FORMAT);
        buffer.asLongBuffer().put(scalars());
        buffer.position(1 + 8 * SCALARS);
        buffer.putLong(slaElapsed.length);
        buffer.asLongBuffer().put(slaElapsed);
        buffer.position(buffer.position() + 8 * slaElapsed.length);
        buffer.putLong(wall.length);
        buffer.asLongBuffer().put(wall);
        return buffer.array();
    }

    static KpiStats fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.get() != FORMAT) {
            throw new SerializationException("Unknown KPI stats format " + bytes[0]);
        }
        KpiStats stats = new KpiStats();
        long[] scalars = new long[SCALARS];
        buffer.asLongBuffer().get(scalars);
        stats.scalars(scalars);
        buffer.position(1 + 8 * SCALARS);
        stats.slaElapsed = readArray(buffer);
        stats.wall = readArray(buffer);
        return stats;
    }

    private static long[] readArray(ByteBuffer buffer) {
        long[] values = new long[(int) buffer.getLong()];
        buffer.asLongBuffer().get(values);
        buffer.position(buffer.position() + 8 * values.length);
        return values;
    }
}
