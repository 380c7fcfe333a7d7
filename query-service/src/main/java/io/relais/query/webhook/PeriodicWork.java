package io.relais.query.webhook;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Work repeated on a thread of its own, started and stopped with the service: the next run starts {@code interval}
 * after the previous one ended (never two at once). Stopping lets the run in flight finish, up to {@code stopWait},
 * so that what it did is recorded before the service goes; a run that loops asks {@link #stopping()} between steps.
 */
abstract class PeriodicWork implements SmartLifecycle {

    private final String threadName;
    private final Duration interval;
    private final Duration stopWait;
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean stopRequested;

    PeriodicWork(String threadName, Duration interval, Duration stopWait) {
        this.threadName = threadName;
        this.interval = interval;
        this.stopWait = stopWait;
    }

    /** One run; an exception is the run's own business (it is not retried before the next interval). */
    abstract void runOnce();

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        stopRequested = false;
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running == null) {
            return;
        }
        stopRequested = true;
        running.shutdown();
        try {
            if (!running.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** True once the service is stopping: a run going on batch after batch ends after the current one. */
    boolean stopping() {
        return stopRequested;
    }
}
