package io.relais.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.EventType;
import io.relais.contract.TopicSpec;
import io.relais.contract.Topics;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.TaskAssigned;
import io.relais.contract.task.TaskCompleted;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import io.relais.contract.task.TaskStarted;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Phases 5 (kpi-streams catch-up), 6 (projection rebuild) and 7 (SLA alert latency): Kafka-side measures. */
final class KafkaPhases {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String[] TYPES = {"INVOICING", "PAYMENT_REMINDER", "CRM_UPDATE", "SUPPORT_MAIL", "PAYROLL"};

    record ProduceResult(long records, double seconds, double recordsPerSecond, long bytes) {
    }

    record CatchUp(long events, double secondsFromStart, double secondsFromFirstCommit, double eventsPerSecond,
                   double eventsPerSecondIncludingStartup, boolean complete) {
    }

    record SlaResult(int tasks, int alerts, LatencyRecorder.Summary latency) {
    }

    private KafkaPhases() {
    }

    static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    static void createTopic(Admin admin, TopicSpec spec) throws Exception {
        if (!admin.listTopics().names().get().contains(spec.name())) {
            admin.createTopics(List.of(new NewTopic(spec.name(), spec.partitions(), (short) 1)
                    .configs(spec.topicConfigs()))).all().get();
        }
    }

    static KafkaProducer<String, CloudEvent> producer(String bootstrap) {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        return new KafkaProducer<>(settings, new StringSerializer(), new CloudEventSerializer());
    }

    /** A task event as the relay publishes it: binary-mode CloudEvent, key = task id. */
    static CloudEvent event(EventType type, String taskId, long sequence, Instant time, Object payload, String actor,
                            String roles, String organisation) {
        try {
            return CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                    .withSource(java.net.URI.create(CloudEventAttributes.SOURCE))
                    .withType(type.cloudEventType()).withTime(time.atOffset(ZoneOffset.UTC)).withSubject(taskId)
                    .withDataContentType(CloudEventAttributes.DATA_CONTENT_TYPE)
                    .withExtension(CloudEventAttributes.AGGREGATE_SEQUENCE, sequence)
                    .withExtension(CloudEventAttributes.AGGREGATE_TYPE, type.aggregateType())
                    .withExtension(CloudEventAttributes.ACTOR, actor)
                    .withExtension(CloudEventAttributes.ACTOR_ROLES, roles)
                    .withExtension(CloudEventAttributes.ACTOR_ORGANISATION, organisation)
                    .withExtension(CloudEventAttributes.CORRELATION_ID, UUID.randomUUID().toString())
                    .withData(JSON.writeValueAsBytes(payload)).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fills the tasks topic with {@code events} synthetic, valid task events: tasks requested → assigned → started →
     * completed (4 events each), spread over the last hour, deadlines a day ahead (no SLA alert fires).
     */
    static ProduceResult prefill(String bootstrap, int events) throws Exception {
        int tasks = Math.max(1, events / 4);
        Instant end = Instant.now();
        Instant begin = end.minus(Duration.ofHours(1));
        long step = Duration.between(begin, end).toNanos() / tasks;
        long bytes = 0;
        long sent = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        long started = System.nanoTime();
        long lastReport = started;
        try (KafkaProducer<String, CloudEvent> producer = producer(bootstrap)) {
            for (int t = 0; t < tasks; t++) {
                String taskId = UUID.randomUUID().toString();
                Instant requested = begin.plusNanos(step * t);
                String type = TYPES[t % TYPES.length];
                TaskPriority priority = TaskPriority.values()[t % TaskPriority.values().length];
                List<CloudEvent> lifecycle = List.of(
                        event(EventType.TASK_REQUESTED, taskId, 0, requested, new TaskRequested(taskId,
                                "Relancer les factures impayées", "Clients Dupont et Martin", type, priority, null, 0,
                                "claire", Confidentiality.INTERNAL, "CALENDAR_HOURS(24)", CalendarSpec.FRANCE_DEFAULT,
                                requested.plus(Duration.ofHours(24)), requested), "claire", "REQUESTER", "acme"),
                        event(EventType.TASK_ASSIGNED, taskId, 1, requested.plusMillis(200), new TaskAssigned(taskId,
                                "amina", "backoffice-pro", UUID.randomUUID().toString(), "marc",
                                requested.plusMillis(200)), "marc", "APPROVER", "acme"),
                        event(EventType.TASK_STARTED, taskId, 2, requested.plusMillis(400),
                                new TaskStarted(taskId, "amina", requested.plusMillis(400)), "amina", "AGENT",
                                "backoffice-pro"),
                        event(EventType.TASK_COMPLETED, taskId, 3, requested.plusMillis(600),
                                new TaskCompleted(taskId, 25, List.of(), "amina", requested.plusMillis(600)), "amina",
                                "AGENT", "backoffice-pro"));
                for (CloudEvent event : lifecycle) {
                    bytes += event.getData().toBytes().length;
                    producer.send(new ProducerRecord<>(Topics.TASKS.name(), taskId, event), (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                    });
                    sent++;
                }
                if (failure.get() != null) {
                    throw failure.get();
                }
                long now = System.nanoTime();
                if (now - lastReport > 5_000_000_000L) {
                    Progress.say("  prefill: %,d / %,d events (%.0f/s)", sent, (long) tasks * 4,
                            sent / ((now - started) / 1e9));
                    lastReport = now;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new ProduceResult(sent, seconds, sent / seconds, bytes);
    }

    /**
     * The Kafka producer on its own: {@code records} records cycled from 10,000 task events serialized beforehand
     * (CloudEvents headers and JSON value as the relay sends them), acks=all, idempotent, to a topic of its own.
     */
    static ProduceResult rawProducer(String bootstrap, int records) throws Exception {
        String topic = "bench.producer";
        try (Admin admin = admin(bootstrap)) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            }
        }
        List<ProducerRecord<String, byte[]>> prepared = new ArrayList<>();
        CloudEventSerializer serializer = new CloudEventSerializer();
        serializer.configure(Map.of(), false);
        Instant now = Instant.now();
        for (int i = 0; i < 10_000; i++) {
            String taskId = UUID.randomUUID().toString();
            CloudEvent event = event(EventType.TASK_STARTED, taskId, 2, now, new TaskStarted(taskId, "amina", now),
                    "amina", "AGENT", "backoffice-pro");
            org.apache.kafka.common.header.internals.RecordHeaders headers =
                    new org.apache.kafka.common.header.internals.RecordHeaders();
            byte[] value = serializer.serialize(topic, headers, event);
            prepared.add(new ProducerRecord<>(topic, null, taskId, value, headers));
        }
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                ProducerRecord<String, byte[]> record = prepared.get(i % prepared.size());
                bytes += record.value().length;
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new ProduceResult(records, seconds, records / seconds, bytes);
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()),
                        OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** How far {@code group} is behind {@code ends}; a transaction marker at a partition's end is not counted. */
    static long lag(Map<TopicPartition, Long> ends, Map<TopicPartition, OffsetAndMetadata> committed) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata position = committed.get(end.getKey());
            long at = position == null ? 0 : position.offset();
            lag += Math.max(0, end.getValue() - at - (end.getValue() > 0 && at > 0 ? 1 : 0));
        }
        return lag;
    }

    static long committedTotal(Map<TopicPartition, Long> ends, Map<TopicPartition, OffsetAndMetadata> committed) {
        long total = 0;
        for (TopicPartition partition : ends.keySet()) {
            OffsetAndMetadata position = committed.get(partition);
            total += position == null ? 0 : position.offset();
        }
        return total;
    }

    /**
     * Waits until consumer group {@code group} has committed up to {@code ends}, printing the progress; measured from
     * {@code startedNanos} (the process start) and from the first commit seen. Gives up {@code windowSeconds} after
     * the first commit (or {@code timeoutSeconds} after the start): the rate is then what was committed in between.
     */
    static CatchUp awaitCatchUp(Admin admin, String group, Map<TopicPartition, Long> ends, long startedNanos,
                                int timeoutSeconds, int windowSeconds, String label) throws Exception {
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        long deadline = startedNanos + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long firstAt = 0;
        long firstCommitted = 0;
        long lastReport = 0;
        long done = 0;
        while (System.nanoTime() < deadline
                && (firstAt == 0 || System.nanoTime() - firstAt < TimeUnit.SECONDS.toNanos(windowSeconds))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            long now = System.nanoTime();
            done = committedTotal(ends, committed);
            if (firstAt == 0 && done > 0) {
                firstAt = now;
                firstCommitted = done;
            }
            if (lag(ends, committed) == 0 && total > 0) {
                double fromStart = (now - startedNanos) / 1e9;
                double fromFirst = firstAt == 0 ? Double.NaN : (now - firstAt) / 1e9;
                double rate = fromFirst > 0 ? (total - firstCommitted) / fromFirst : Double.NaN;
                Progress.say("  %s: caught up, %,d events, %.1f s from the process start, %.0f events/s after the"
                        + " first commit", label, total, fromStart, rate);
                return new CatchUp(total, fromStart, fromFirst, rate, total / fromStart, true);
            }
            if (now - lastReport > 5_000_000_000L) {
                Progress.say("  %s: %,d / %,d events committed", label, done, total);
                lastReport = now;
            }
            Thread.sleep(250);
        }
        long now = System.nanoTime();
        double fromFirst = firstAt == 0 ? Double.NaN : (now - firstAt) / 1e9;
        double rate = fromFirst > 0 ? (done - firstCommitted) / fromFirst : Double.NaN;
        Progress.say("  %s: stopped measuring with %,d / %,d events committed: %.0f events/s after the first commit",
                label, done, total, rate);
        return new CatchUp(done, (now - startedNanos) / 1e9, fromFirst, rate, done / ((now - startedNanos) / 1e9),
                false);
    }

    /**
     * Phase 7: {@code tasks} requests whose CALENDAR_HOURS(1) budget runs out 5 to 15 s from now; the latency of
     * each BREACHED alert is its arrival on relais.sla-alerts.v1 (read committed) minus the due instant.
     */
    static SlaResult slaAlerts(String bootstrap, int tasks) throws Exception {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        LatencyRecorder recorder = new LatencyRecorder();
        Set<String> ours = new HashSet<>();
        Instant lastDue;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer());
             Admin admin = admin(bootstrap)) {
            // the topic is kpi-streams' own: it created it at start-up
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < Topics.SLA_ALERTS.partitions(); p++) {
                partitions.add(new TopicPartition(Topics.SLA_ALERTS.name(), p));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Instant now = Instant.now();
            lastDue = now;
            try (KafkaProducer<String, CloudEvent> producer = producer(bootstrap)) {
                for (int i = 0; i < tasks; i++) {
                    String taskId = UUID.randomUUID().toString();
                    ours.add(taskId);
                    Instant due = now.plusMillis(5_000 + (10_000L * i) / Math.max(1, tasks));
                    lastDue = due.isAfter(lastDue) ? due : lastDue;
                    Instant requested = due.minus(Duration.ofHours(1));
                    producer.send(new ProducerRecord<>(Topics.TASKS.name(), taskId,
                            event(EventType.TASK_REQUESTED, taskId, 0, now, new TaskRequested(taskId, "Alerte SLA",
                                    null, "SLA_PROBE", TaskPriority.HIGH, null, 0, "claire", Confidentiality.INTERNAL,
                                    "CALENDAR_HOURS(1)", CalendarSpec.FRANCE_DEFAULT, due, requested), "claire",
                                    "REQUESTER", "acme")));
                }
                producer.flush();
            }
            Progress.say("  sla: %d tasks due between 5 and 15 s from now; waiting for their BREACHED alerts", tasks);
            Set<String> alerted = new HashSet<>();
            long deadline = System.nanoTime() + Duration.between(Instant.now(), lastDue).toNanos()
                    + TimeUnit.SECONDS.toNanos(30);
            while (alerted.size() < tasks && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long arrivedNanos = System.nanoTime();
                    Instant arrived = Instant.now();
                    JsonNode alert = JSON.readTree(record.value());
                    String taskId = alert.path("taskId").asText();
                    if (!"BREACHED".equals(alert.path("kind").asText()) || !ours.contains(taskId)
                            || !alerted.add(taskId)) {
                        continue;
                    }
                    Instant crossed = Instant.parse(alert.path("crossedAt").asText());
                    long lateNanos = Duration.between(crossed, arrived).toNanos();
                    recorder.record(arrivedNanos - lateNanos, arrivedNanos);
                }
            }
        }
        LatencyRecorder.Summary summary = recorder.corrected();
        Progress.say("  sla: %d / %d alerts, due → on the topic p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                summary.count(), tasks, summary.p50(), summary.p99(), summary.max());
        return new SlaResult(tasks, (int) summary.count(), summary);
    }
}
