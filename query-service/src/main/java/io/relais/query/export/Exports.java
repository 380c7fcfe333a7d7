package io.relais.query.export;

import io.relais.contract.actor.Actor;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Starts exports and runs them in the background, <b>one at a time per service instance</b>: a request while one is
 * running is refused with 409 ({@link ExportProblems#alreadyRunning}), naming the running export, rather than queued
 * (an export is a snapshot of everything: a second one started a moment later would add little). A job left RUNNING
 * by a stop of the service is marked FAILED at the next start.
 */
@Service
class Exports {

    private static final Logger log = LoggerFactory.getLogger(Exports.class);

    private final ExportJobs jobs;
    private final ArchiveWriter writer;
    private final Clock clock;
    private final AtomicReference<UUID> running = new AtomicReference<>();
    private final ExecutorService executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "relais-export");
                thread.setDaemon(true);
                return thread;
            });

    Exports(ExportJobs jobs, ArchiveWriter writer, Clock clock) {
        this.jobs = jobs;
        this.writer = writer;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void failInterrupted() {
        if (running.get() == null) {
            int interrupted = jobs.failInterrupted(clock.instant());
            if (interrupted > 0) {
                log.warn("{} export(s) left running by a previous stop of the service marked FAILED", interrupted);
            }
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    ExportJob start(Actor actor) {
        UUID id = UUID.randomUUID();
        if (!running.compareAndSet(null, id)) {
            throw ExportProblems.alreadyRunning(running.get());
        }
        try {
            jobs.create(id, actor, clock.instant(), writer.sections().size());
            executor.execute(() -> run(id));
        } catch (RuntimeException e) {
            running.set(null);
            throw e;
        }
        return jobs.find(id).orElseThrow();
    }

    Optional<ExportJob> find(UUID id) {
        return jobs.find(id);
    }

    List<ExportJob> list(int limit) {
        return jobs.list(limit);
    }

    private void run(UUID id) {
        long started = System.nanoTime();
        try {
            ExportJob job = jobs.find(id).orElseThrow();
            ArchiveWriter.Written written = writer.write(job);
            jobs.done(id, written.sections(), written.rows(), written.archive().getFileName().toString(),
                    written.size(), written.sha256(), clock.instant());
            log.info("Export {} done: {} rows, {} bytes in {} ms", id, written.rows(), written.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (Exception | Error e) {
            log.error("Export {} failed", id, e);
            try {
                jobs.failed(id, e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
            } catch (RuntimeException failedToo) {
                log.error("Export {} could not be marked FAILED", id, failedToo);
            }
        } finally {
            running.set(null);
        }
    }
}
