package io.relais.benchmark;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies in microseconds, 1 µs to 10 minutes, 3 significant digits, thread-safe to record.
 *
 * <p>Open-loop load is corrected for coordinated omission the way wrk2 does it: each request has an intended
 * start instant fixed by the rate (t0 + i / rate), and its latency is measured from that instant, not from the
 * moment a worker got round to sending it. A stall therefore counts against every request that should have been
 * sent during it. The uncorrected figure (from the actual send) is kept alongside, to show the difference.
 */
public final class LatencyRecorder {

    static final long HIGHEST_MICROS = 600_000_000L;

    private final Recorder corrected = new Recorder(HIGHEST_MICROS, 3);
    private final Recorder uncorrected = new Recorder(HIGHEST_MICROS, 3);
    private final Histogram correctedTotal = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram uncorrectedTotal = new Histogram(HIGHEST_MICROS, 3);

    /** One request: when it should have started (by the schedule), when it actually was sent, when it ended. */
    public void record(long intendedStartNanos, long actualStartNanos, long endNanos) {
        corrected.recordValue(clamp(correctedMicros(intendedStartNanos, endNanos)));
        uncorrected.recordValue(clamp(correctedMicros(actualStartNanos, endNanos)));
    }

    /** Closed loop: there is no schedule, the request starts when it is sent. */
    public void record(long startNanos, long endNanos) {
        record(startNanos, startNanos, endNanos);
    }

    /** The latency of a request measured from its intended start; never negative. */
    public static long correctedMicros(long intendedStartNanos, long endNanos) {
        return Math.max(0, (endNanos - intendedStartNanos) / 1_000);
    }

    /** The intended start of request {@code index} at {@code ratePerSecond}, from {@code startNanos}. */
    public static long intendedStart(long startNanos, long index, double ratePerSecond) {
        return startNanos + (long) (index * (1_000_000_000d / ratePerSecond));
    }

    private static long clamp(long micros) {
        return Math.min(HIGHEST_MICROS, Math.max(1, micros));
    }

    public synchronized Summary corrected() {
        correctedTotal.add(corrected.getIntervalHistogram());
        return Summary.of(correctedTotal);
    }

    public synchronized Summary uncorrected() {
        uncorrectedTotal.add(uncorrected.getIntervalHistogram());
        return Summary.of(uncorrectedTotal);
    }

    /** Count and percentiles in milliseconds. */
    public record Summary(long count, double p50, double p90, double p99, double p999, double max, double mean) {

        public static Summary of(Histogram histogram) {
            if (histogram.getTotalCount() == 0) {
                return new Summary(0, 0, 0, 0, 0, 0, 0);
            }
            return new Summary(histogram.getTotalCount(), ms(histogram.getValueAtPercentile(50)),
                    ms(histogram.getValueAtPercentile(90)), ms(histogram.getValueAtPercentile(99)),
                    ms(histogram.getValueAtPercentile(99.9)), ms(histogram.getMaxValue()), histogram.getMean() / 1000d);
        }

        private static double ms(long micros) {
            return micros / 1000d;
        }
    }
}
