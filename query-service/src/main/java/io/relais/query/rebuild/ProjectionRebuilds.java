package io.relais.query.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drops the projections and rebuilds them by replaying their topics from the beginning, one rebuild at a time, with
 * its progress. The steps, on the rebuild's own thread:
 *
 * <ol>
 *   <li>stop the listener container of every rebuilt projection ({@link ProjectionTables#REBUILT}), and every other
 *       container of the same consumer groups (a group's offsets can only be reset while it has no member);</li>
 *   <li>wait until those groups are empty (another instance of this service still in the group: the rebuild fails
 *       here, the containers are restarted, nothing was emptied);</li>
 *   <li>capture, for every partition of the rebuilt listeners' topics, the earliest offset and the end offset
 *       (read-committed: the last stable offset) — the replay's start and its goal;</li>
 *   <li>reset the groups' committed offsets of those partitions to the earliest offsets
 *       ({@link Admin#alterConsumerGroupOffsets}); the partitions of other topics of the groups keep theirs;</li>
 *   <li>empty the projection tables and delete their rows of the bookkeeping tables, in one transaction. After the
 *       reset, not before: if emptying fails, the projections are intact and the replay from the beginning re-applies
 *       nothing (the sequence bookkeeping drops every re-delivery), whereas emptying first and failing to reset would
 *       leave the tables empty with the groups at the end;</li>
 *   <li>restart the containers; then every {@code relais.rebuild.progress-interval} read the groups' committed
 *       offsets: done / total per topic, rate, and {@code DONE} once every partition reached its captured end, with the
 *       checksums at that moment.</li>
 * </ol>
 *
 * <p><b>Transaction markers</b> ({@link TransactionTail}). kpi-streams writes {@code relais.kpis.v1} and
 * {@code relais.sla-alerts.v1} with exactly-once transactions: each commit leaves a marker that takes an offset but is
 * no record, and the containers commit the offset after the last record they processed, so the committed offset of such
 * a partition can stop just short of the end forever. When a partition's committed offset has not moved between two
 * readings and is short of its end, a read-committed consumer of its own (no group) reads from there to the end: if it
 * finds no record before the end, only markers (or aborted records) are left, and the partition counts as replayed.
 *
 * <p>Jobs live in memory (the last {@code relais.rebuild.kept-jobs}). A restart of the service during a rebuild loses
 * the job, not the rebuild: the offsets were reset and the tables emptied in order, the listeners replay on start.
 */
@Component
public class ProjectionRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private final KafkaListenerEndpointRegistry registry;
    private final KafkaAdmin kafkaAdmin;
    private final KafkaProperties kafka;
    private final SslBundles sslBundles;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ProjectionChecksums checksums;
    private final RebuildProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<RebuildJob> running = new AtomicReference<>();
    private final Map<UUID, RebuildJob> jobs = new LinkedHashMap<>();

    ProjectionRebuilds(KafkaListenerEndpointRegistry registry, KafkaAdmin kafkaAdmin, KafkaProperties kafka,
                       ObjectProvider<SslBundles> sslBundles, DataSource dataSource,
                       PlatformTransactionManager transactions, ProjectionChecksums checksums,
                       RebuildProperties properties, Clock clock) {
        this.registry = registry;
        this.kafkaAdmin = kafkaAdmin;
        this.kafka = kafka;
        this.sslBundles = sslBundles.getIfAvailable();
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.checksums = checksums;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a rebuild, or refuses while one runs. */
    RebuildJob.View start(String requestedBy) {
        RebuildJob job = new RebuildJob(UUID.randomUUID(), requestedBy, clock.instant());
        if (!running.compareAndSet(null, job)) {
            RebuildJob current = running.get();
            throw new RebuildInProgressException(current == null ? null : current.id());
        }
        remember(job);
        log.info("Projection rebuild {} requested by {}", job.id(), requestedBy);
        executor.execute(() -> run(job));
        return job.view(clock.instant());
    }

    Optional<RebuildJob.View> find(UUID id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).map(job -> job.view(clock.instant()));
        }
    }

    private void remember(RebuildJob job) {
        synchronized (jobs) {
            jobs.put(job.id(), job);
            var oldest = jobs.keySet().iterator();
            while (jobs.size() > Math.max(1, properties.keptJobs()) && oldest.hasNext()) {
                UUID id = oldest.next();
                if (!id.equals(job.id()) && jobs.get(id).view(clock.instant()).finished()) {
                    oldest.remove();
                }
            }
        }
    }

    private void run(RebuildJob job) {
        Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        List<MessageListenerContainer> stopped = new ArrayList<>();
        try {
            Map<String, MessageListenerContainer> rebuilt = rebuiltContainers();
            job.listeners(List.copyOf(rebuilt.keySet()));
            Map<String, Set<String>> topicsByGroup = new LinkedHashMap<>();
            rebuilt.values().forEach(container -> topicsByGroup.computeIfAbsent(group(container),
                    g -> new LinkedHashSet<>()).addAll(List.of(container.getContainerProperties().getTopics())));

            for (MessageListenerContainer container : registry.getAllListenerContainers()) {
                if (topicsByGroup.containsKey(group(container))) {
                    stopped.add(container);
                    if (container.isRunning()) {
                        container.stop();
                    }
                }
            }
            log.info("Rebuild {}: stopped {} listener containers of groups {}", job.id(), stopped.size(),
                    topicsByGroup.keySet());

            job.status(RebuildJob.Status.RESETTING_OFFSETS);
            awaitEmpty(admin, topicsByGroup.keySet());
            Map<String, Map<TopicPartition, Long>> earliestByGroup = capture(admin, job, topicsByGroup);
            for (Map.Entry<String, Map<TopicPartition, Long>> group : earliestByGroup.entrySet()) {
                reset(admin, group.getKey(), group.getValue());
            }

            job.status(RebuildJob.Status.TRUNCATING);
            truncate();
            job.truncated(ProjectionTables.truncated());
        } catch (Exception e) {
            String why = describe(e);
            log.error("Projection rebuild {} failed: {}", job.id(), why, e);
            job.failed(clock.instant(), why);
            restart(stopped);
            admin.close(Duration.ofSeconds(5));
            running.compareAndSet(job, null);
            return;
        }
        job.replayStarted(clock.instant());
        restart(stopped);
        log.info("Rebuild {}: tables emptied, offsets reset, listeners restarted: replaying", job.id());
        follow(job, admin);
    }

    /** The rebuilt projections' containers, by listener id; a listed projection without a container is an error. */
    private Map<String, MessageListenerContainer> rebuiltContainers() {
        Map<String, MessageListenerContainer> containers = new LinkedHashMap<>();
        for (String id : ProjectionTables.listenerIds()) {
            MessageListenerContainer container = registry.getListenerContainer(id);
            if (container == null) {
                throw new IllegalStateException("No listener container '" + id + "' to rebuild; known: "
                        + registry.getListenerContainerIds());
            }
            containers.put(id, container);
        }
        return containers;
    }

    private String group(MessageListenerContainer container) {
        String group = container.getGroupId();
        return group != null ? group : kafka.getConsumer().getGroupId();
    }

    private void awaitEmpty(Admin admin, Collection<String> groups) throws Exception {
        Instant deadline = clock.instant().plus(properties.groupEmptyTimeout());
        while (true) {
            Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all()
                    .get(properties.adminTimeout().toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Integer> busy = described.values().stream().filter(group -> !group.members().isEmpty())
                    .collect(Collectors.toMap(ConsumerGroupDescription::groupId, group -> group.members().size()));
            if (busy.isEmpty()) {
                return;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("Consumer groups still have members after their listeners stopped "
                        + busy + " (another instance of query-service?): offsets not reset, nothing emptied");
            }
            Thread.sleep(200);
        }
    }

    /** Earliest and end offsets of every partition of the groups' rebuilt topics; returns the earliest, per group. */
    private Map<String, Map<TopicPartition, Long>> capture(Admin admin, RebuildJob job,
                                                            Map<String, Set<String>> topicsByGroup) throws Exception {
        Set<String> topics = topicsByGroup.values().stream().flatMap(Set::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                .get(properties.adminTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> earliestSpec = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latestSpec = new HashMap<>();
        described.values().forEach(topic -> topic.partitions().forEach(partition -> {
            TopicPartition tp = new TopicPartition(topic.name(), partition.partition());
            earliestSpec.put(tp, OffsetSpec.earliest());
            latestSpec.put(tp, OffsetSpec.latest());
        }));
        ListOffsetsOptions committed = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> earliest = admin.listOffsets(earliestSpec,
                committed).all().get(properties.adminTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin.listOffsets(latestSpec,
                committed).all().get(properties.adminTimeout().toMillis(), TimeUnit.MILLISECONDS);

        Map<String, Map<TopicPartition, Long>> byGroup = new LinkedHashMap<>();
        topicsByGroup.forEach((group, groupTopics) -> {
            Map<TopicPartition, Long> starts = new LinkedHashMap<>();
            for (String topic : groupTopics) {
                for (var partition : described.get(topic).partitions()) {
                    TopicPartition tp = new TopicPartition(topic, partition.partition());
                    long start = earliest.get(tp).offset();
                    job.partition(group, tp, start, latest.get(tp).offset());
                    starts.put(tp, start);
                }
            }
            byGroup.put(group, starts);
        });
        return byGroup;
    }

    /** Retried until the group-empty timeout: the coordinator may still be completing the members' departure. */
    private void reset(Admin admin, String group, Map<TopicPartition, Long> earliest) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        earliest.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset, "relais projection rebuild")));
        Instant deadline = clock.instant().plus(properties.groupEmptyTimeout());
        while (true) {
            try {
                admin.alterConsumerGroupOffsets(group, offsets).all()
                        .get(properties.adminTimeout().toMillis(), TimeUnit.MILLISECONDS);
                log.info("Consumer group {}: {} partitions reset to their earliest offsets", group, offsets.size());
                return;
            } catch (ExecutionException e) {
                if (clock.instant().isAfter(deadline)) {
                    throw new IllegalStateException("Could not reset the offsets of consumer group " + group + ": "
                            + describe(e) + "; nothing emptied", e);
                }
                log.info("Resetting the offsets of {} failed ({}); retrying", group, describe(e));
                Thread.sleep(500);
            }
        }
    }

    private void truncate() {
        List<String> tables = ProjectionTables.truncated();
        List<String> names = ProjectionTables.bookkeepingNames();
        String in = names.stream().map(name -> "'" + name.replace("'", "''") + "'").collect(Collectors.joining(", "));
        transaction.executeWithoutResult(status -> {
            // no CASCADE: a table this class does not know that references a projection makes this fail, untouched
            jdbc.execute("TRUNCATE TABLE " + String.join(", ", tables));
            for (String bookkeeping : ProjectionTables.BOOKKEEPING) {
                jdbc.update("DELETE FROM " + bookkeeping + " WHERE projection IN (" + in + ")");
            }
        });
    }

    private void restart(List<MessageListenerContainer> containers) {
        for (MessageListenerContainer container : containers) {
            try {
                if (!container.isRunning()) {
                    container.start();
                }
            } catch (RuntimeException e) {
                log.error("Could not restart listener container {}", container.getListenerId(), e);
            }
        }
    }

    private void follow(RebuildJob job, Admin admin) {
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable poll = () -> {
            try {
                if (progress(job, admin)) {
                    ProjectionChecksums.Report report = checksums.compute();
                    job.done(clock.instant(), report);
                    RebuildJob.View view = job.view(clock.instant());
                    log.info("Projection rebuild {} done: {} offsets in {} s ({} events/s), checksum {}", job.id(),
                            view.done(), view.elapsedSeconds(), view.eventsPerSecond(), report.overall().sha256());
                    finish(job, admin, task.get());
                }
            } catch (Exception e) {
                // transient (broker or database unavailable): the listeners go on; read again at the next interval
                log.warn("Reading the progress of rebuild {} failed: {}", job.id(), describe(e));
            }
        };
        long interval = Math.max(10, properties.progressInterval().toMillis());
        // follow() runs on the executor's only thread: the first reading cannot start before the task is set
        task.set(executor.scheduleWithFixedDelay(poll, 0, interval, TimeUnit.MILLISECONDS));
    }

    private void finish(RebuildJob job, Admin admin, ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
        admin.close(Duration.ofSeconds(5));
        running.compareAndSet(job, null);
    }

    /** Reads the committed offsets into the job; true once every partition reached its end. */
    private boolean progress(RebuildJob job, Admin admin) throws Exception {
        for (Map.Entry<String, List<TopicPartition>> group : job.partitionsByGroup().entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata()
                    .get(properties.adminTimeout().toMillis(), TimeUnit.MILLISECONDS);
            for (TopicPartition partition : group.getValue()) {
                OffsetAndMetadata offset = committed.get(partition);
                long position = offset == null ? job.start(group.getKey(), partition) : offset.offset();
                long end = job.end(group.getKey(), partition);
                if (job.stalled(group.getKey(), partition, position)
                        && TransactionTail.onlyMarkersBetween(kafka.buildConsumerProperties(sslBundles), partition,
                        position, end, properties.tailProbeTimeout())) {
                    position = end;
                }
                job.position(group.getKey(), partition, position);
            }
        }
        return job.caughtUp();
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof TimeoutException && cause.getMessage() == null)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
