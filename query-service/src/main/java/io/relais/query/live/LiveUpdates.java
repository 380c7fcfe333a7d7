package io.relais.query.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.relais.contract.actor.Actor;
import io.relais.contract.actor.Role;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.sla.SlaAlert;
import io.relais.query.task.TaskProjected;
import io.relais.query.task.TaskVisibility;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live streams and what is pushed to each. The projections publish an application event in the
 * transaction that stored a change ({@link TaskProjected}, {@link KpiValue}, {@link SlaAlert}); it is delivered here
 * only after that transaction committed ({@code AFTER_COMMIT}), so nothing a rollback undoes is ever pushed. A
 * projection that writes without a transaction (one autocommit statement) publishes after its write, and
 * {@code fallbackExecution} delivers at once: that write is committed too.
 *
 * <p>Events sent, each a JSON object: {@code ready} (first, once), {@code task} ({@code taskId}, {@code status},
 * {@code version}; only tasks the caller may see, by {@link TaskVisibility}), {@code kpi} and {@code sla-alert} (only
 * to roles that may read KPIs: approver, admin, auditor, viewer). No personal field is ever pushed: a client reads the
 * task itself through the API.
 *
 * <p>The projections' threads never write to a socket: each stream has a bounded queue drained by a small sender
 * pool; a client too slow to keep up has its stream closed (it reconnects and reloads). A comment line every
 * {@code keep-alive} keeps idle streams open and finds dead ones.
 */
@Component
class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final Set<Role> KPI_READERS = Set.of(Role.APPROVER, Role.ADMIN, Role.AUDITOR, Role.VIEWER);

    private final LiveProperties properties;
    private final Map<UUID, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final Object admission = new Object();
    private final ExecutorService senders;
    private final ScheduledExecutorService keepAlive;

    LiveUpdates(LiveProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.senders = Executors.newFixedThreadPool(2, daemon("live-sender-"));
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(daemon("live-keep-alive-"));
        long period = properties.keepAlive().toMillis();
        keepAlive.scheduleAtFixedRate(this::keepAlive, period, period, TimeUnit.MILLISECONDS);
        Gauge.builder("relais.live.subscribers", subscribers, Map::size)
                .description("Open live update streams (GET /api/live)")
                .register(meters);
    }

    /** A new stream for {@code actor}, its first event {@code ready}; 503 when every slot is taken. */
    SseEmitter subscribe(Actor actor) {
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        Subscriber subscriber = new Subscriber(actor, emitter);
        synchronized (admission) {
            if (subscribers.size() >= properties.maxSubscribers()) {
                throw new TooManySubscribersException(properties.maxSubscribers());
            }
            subscribers.put(subscriber.id, subscriber);
        }
        emitter.onCompletion(() -> subscriber.close(false));
        emitter.onError(error -> subscriber.close(false));
        emitter.onTimeout(() -> subscriber.close(true));
        subscriber.offer(new Message("ready", new Ready(actor.name(), subscriber.readsKpis,
                properties.keepAlive().toSeconds())));
        log.debug("Live stream {} opened for {}", subscriber.id, actor.name());
        return emitter;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TaskProjected task) {
        Message message = new Message("task", new TaskMessage(task.taskId(), task.status().name(), task.version()));
        broadcast(subscriber -> subscriber.tasks.sees(task), message);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(KpiValue value) {
        Message message = new Message("kpi", new KpiMessage(value.key(), value.kpi(), value.dimension(),
                value.group(), value.windowKind().name(), value.windowStart(), value.windowEnd(), value.value()));
        broadcast(subscriber -> subscriber.readsKpis, message);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SlaAlert alert) {
        broadcast(subscriber -> subscriber.readsKpis, new Message("sla-alert", alert));
    }

    private void broadcast(Predicate<Subscriber> allowed, Message message) {
        for (Subscriber subscriber : subscribers.values()) {
            if (allowed.test(subscriber)) {
                subscriber.offer(message);
            }
        }
    }

    private void keepAlive() {
        subscribers.values().forEach(subscriber -> subscriber.offer(Message.KEEP_ALIVE));
    }

    /** Before the web server's graceful shutdown waits for open requests: open streams would hold it up. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        subscribers.values().forEach(subscriber -> subscriber.close(true));
    }

    @PreDestroy
    void stop() {
        closeAll();
        keepAlive.shutdownNow();
        senders.shutdown();
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One open stream: its caller's rights, fixed when it opened, and its queue. Only one sender writes at a time. */
    private final class Subscriber {

        final UUID id = UUID.randomUUID();
        final TaskVisibility tasks;
        final boolean readsKpis;
        final SseEmitter emitter;
        final BlockingQueue<Message> queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        final AtomicBoolean draining = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();

        Subscriber(Actor actor, SseEmitter emitter) {
            this.tasks = TaskVisibility.of(actor);
            this.readsKpis = actor.roles().stream().anyMatch(KPI_READERS::contains);
            this.emitter = emitter;
        }

        void offer(Message message) {
            if (closed.get()) {
                return;
            }
            if (!queue.offer(message)) {
                log.info("Live stream {} closed: its client fell {} messages behind", id, queue.size());
                close(true);
                return;
            }
            schedule();
        }

        private void schedule() {
            if (draining.compareAndSet(false, true)) {
                try {
                    senders.execute(this::drain);
                } catch (RejectedExecutionException stopping) {
                    draining.set(false);
                }
            }
        }

        private void drain() {
            try {
                Message message;
                while (!closed.get() && (message = queue.poll()) != null) {
                    send(message);
                }
            } finally {
                draining.set(false);
            }
            if (!closed.get() && !queue.isEmpty()) {
                schedule();
            }
        }

        private void send(Message message) {
            try {
                if (message == Message.KEEP_ALIVE) {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } else {
                    emitter.send(SseEmitter.event().name(message.event()).data(message.data(),
                            MediaType.APPLICATION_JSON));
                }
            } catch (IOException | IllegalStateException gone) {
                log.debug("Live stream {} closed: {}", id, gone.toString());
                close(false);
            }
        }

        /** Idempotent; {@code complete} ends the response (not when the container already ended it). */
        void close(boolean complete) {
            if (closed.compareAndSet(false, true)) {
                subscribers.remove(id);
                queue.clear();
                if (complete) {
                    try {
                        emitter.complete();
                    } catch (RuntimeException alreadyDone) {
                        log.debug("Live stream {} was already complete", id);
                    }
                }
            }
        }
    }

    private record Message(String event, Object data) {
        static final Message KEEP_ALIVE = new Message("keep-alive", null);
    }

    record Ready(String user, boolean kpis, long keepAliveSeconds) {
    }

    record TaskMessage(UUID taskId, String status, long version) {
    }

    record KpiMessage(String key, String kpi, String dimension, String group, String windowKind, Instant windowStart,
                      Instant windowEnd, double value) {
    }
}
