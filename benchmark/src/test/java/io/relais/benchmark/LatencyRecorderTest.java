package io.relais.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    private static final long MS = 1_000_000L;

    @Test
    void shouldSpaceIntendedStartsByTheRate() {
        assertThat(LatencyRecorder.intendedStart(0, 0, 100)).isZero();
        assertThat(LatencyRecorder.intendedStart(0, 1, 100)).isEqualTo(10 * MS);
        assertThat(LatencyRecorder.intendedStart(5 * MS, 250, 500)).isEqualTo(505 * MS);
    }

    @Test
    void shouldCountAStallAgainstEveryRequestScheduledDuringIt_notOnlyTheOneThatHitIt() {
        // 100 requests/s for 1 s; the server answers each in 1 ms, except that it stalls 500 ms at request 0.
        // One client sending on schedule: request 0 ends at 501 ms; requests 1..49, due every 10 ms, could only be
        // sent after it, one after the other.
        LatencyRecorder recorder = new LatencyRecorder();
        long free = 0;
        for (int i = 0; i < 100; i++) {
            long intended = LatencyRecorder.intendedStart(0, i, 100);
            long sent = Math.max(intended, free);
            long end = sent + (i == 0 ? 501 * MS : MS);
            recorder.record(intended, sent, end);
            free = end;
        }
        LatencyRecorder.Summary corrected = recorder.corrected();
        LatencyRecorder.Summary uncorrected = recorder.uncorrected();

        assertThat(corrected.count()).isEqualTo(100);
        // uncorrected: one slow request, 99 fast ones, p90 looks fine
        assertThat(uncorrected.p90()).isCloseTo(1.0, within(0.01));
        assertThat(uncorrected.max()).isCloseTo(501, within(1.0));
        // corrected: request i (i < 50) waited until 501 + (i - 1) ms, so about half of them are late by hundreds of ms
        assertThat(corrected.p50()).isGreaterThan(10);
        assertThat(corrected.p90()).isGreaterThan(1.0);
        assertThat(corrected.max()).isCloseTo(501, within(1.0));
    }

    @Test
    void shouldMeasureClosedLoopFromTheSend() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(10 * MS, 12 * MS);
        assertThat(recorder.corrected().p50()).isCloseTo(2.0, within(0.01));
        assertThat(recorder.uncorrected().p50()).isCloseTo(2.0, within(0.01));
    }

    @Test
    void shouldNeverRecordANegativeLatency() {
        assertThat(LatencyRecorder.correctedMicros(10 * MS, 5 * MS)).isZero();
    }

    @Test
    void shouldSummariseNothingAsZeros() {
        assertThat(new LatencyRecorder().corrected().count()).isZero();
    }
}
