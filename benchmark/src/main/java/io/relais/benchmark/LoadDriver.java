package io.relais.benchmark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/** Closed-loop (as fast as N clients go) and open-loop (a fixed rate, whatever the answers) HTTP load. */
final class LoadDriver {

    /** One request; answers the HTTP status, or -1 when there was no answer. */
    @FunctionalInterface
    interface Operation {
        int call() throws InterruptedException;
    }

    record Result(String label, int clients, double targetRate, double seconds, long ok, long failed,
                  Map<Integer, Long> failures, double achievedPerSecond, LatencyRecorder.Summary latency,
                  LatencyRecorder.Summary uncorrectedLatency) {
    }

    private LoadDriver() {
    }

    static Result closedLoop(String label, Operation operation, int clients, int seconds)
            throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        LongAdder ok = new LongAdder();
        Map<Integer, Long> failures = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        Thread[] threads = new Thread[clients];
        for (int i = 0; i < clients; i++) {
            threads[i] = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        int status = operation.call();
                        recorder.record(sent, System.nanoTime());
                        count(status, ok, failures);
                    }
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            }, label + "-client-" + i);
            threads[i].start();
        }
        report(label, start, end, ok, failures, threads);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long failed = failures.values().stream().mapToLong(Long::longValue).sum();
        return new Result(label, clients, Double.NaN, elapsed, ok.sum(), failed, Map.copyOf(failures),
                ok.sum() / elapsed, recorder.corrected(), recorder.uncorrected());
    }

    /**
     * Sends request i at t0 + i / rate from a pacing thread through {@code workers} threads; a request that waits
     * for a free worker is late, and its latency counts from when it should have been sent.
     */
    static Result openLoop(String label, Operation operation, double rate, int seconds, int workers)
            throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        LongAdder ok = new LongAdder();
        Map<Integer, Long> failures = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong sentCount = new AtomicLong();
        Thread pacer = new Thread(() -> {
            for (long i = 0; ; i++) {
                long intended = LatencyRecorder.intendedStart(start, i, rate);
                if (intended >= end) {
                    return;
                }
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                sentCount.incrementAndGet();
                pool.execute(() -> {
                    long actual = System.nanoTime();
                    try {
                        int status = operation.call();
                        recorder.record(intended, actual, System.nanoTime());
                        count(status, ok, failures);
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        }, label + "-pacer");
        pacer.start();
        report(label, start, end, ok, failures, pacer);
        pool.shutdown();
        if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
            Progress.say("%s: requests still running after 120 s, abandoned", label);
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long failed = failures.values().stream().mapToLong(Long::longValue).sum();
        return new Result(label, workers, rate, elapsed, ok.sum(), failed, Map.copyOf(failures),
                ok.sum() / elapsed, recorder.corrected(), recorder.uncorrected());
    }

    private static void count(int status, LongAdder ok, Map<Integer, Long> failures) {
        if (status >= 200 && status < 300) {
            ok.increment();
        } else {
            failures.merge(status, 1L, Long::sum);
        }
    }

    /** Prints the progress every 5 s until the end instant, then joins the threads. */
    private static void report(String label, long start, long end, LongAdder ok, Map<Integer, Long> failures,
                               Thread... threads) throws InterruptedException {
        long last = 0;
        long lastAt = start;
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(5_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            long now = System.nanoTime();
            long done = ok.sum();
            Progress.say("  %s: %d s / %d s, %d ok (%.0f/s), failures %s", label, (now - start) / 1_000_000_000,
                    (end - start) / 1_000_000_000, done, (done - last) / ((now - lastAt) / 1e9), failures);
            last = done;
            lastAt = now;
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
