package io.relais.query.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;

/**
 * One rebuild, as {@code GET /api/admin/projections/rebuild/{id}} shows it. Written by the rebuild's own thread,
 * read by HTTP threads: every access is synchronized.
 */
final class RebuildJob {

    enum Status {
        /** The listener containers of the rebuilt consumer groups are being stopped. */
        STOPPING_LISTENERS,
        /** Waiting for the groups to be empty, capturing the offsets, resetting the groups to the earliest offsets. */
        RESETTING_OFFSETS,
        /** Emptying the projection tables and their bookkeeping rows, in one transaction. */
        TRUNCATING,
        /** The listeners run again from the earliest offsets; progress is the groups' committed offsets. */
        REPLAYING,
        /** Every partition's committed offset reached the end captured when the rebuild started. */
        DONE,
        FAILED
    }

    /** One partition of one consumer group: replayed from {@code start} to {@code end} (captured at the start). */
    private static final class Partition {
        final String group;
        final TopicPartition partition;
        final long start;
        final long end;
        long position;
        long previousPosition = -1;

        Partition(String group, TopicPartition partition, long start, long end) {
            this.group = group;
            this.partition = partition;
            this.start = start;
            this.end = Math.max(start, end);
            this.position = start;
        }

        long done() {
            return Math.min(Math.max(position, start), end) - start;
        }

        long total() {
            return end - start;
        }
    }

    /** Progress of one topic as read by one consumer group. */
    record TopicProgress(String group, String topic, int partitions, long done, long total) {
    }

    /**
     * What the API answers.
     *
     * @param done            offsets replayed so far, every group and topic together (a record is one offset; on topics
     *                        written in transactions each commit marker takes one too)
     * @param total           offsets to replay: from the earliest to the end offsets captured at the start
     * @param eventsPerSecond {@code done} over the time since the listeners were restarted
     * @param checksums       the checksums once {@code DONE}, computed at that moment
     */
    record View(UUID id, Status status, String requestedBy, Instant requestedAt, Instant replayStartedAt,
                Instant finishedAt, double elapsedSeconds, long done, long total, double eventsPerSecond,
                List<TopicProgress> topics, List<String> listeners, List<String> truncatedTables, String error,
                ProjectionChecksums.Report checksums) {

        boolean finished() {
            return status == Status.DONE || status == Status.FAILED;
        }
    }

    private final UUID id;
    private final String requestedBy;
    private final Instant requestedAt;
    private final List<Partition> partitions = new ArrayList<>();
    private Status status = Status.STOPPING_LISTENERS;
    private List<String> listeners = List.of();
    private List<String> truncatedTables = List.of();
    private Instant replayStartedAt;
    private Instant finishedAt;
    private String error;
    private ProjectionChecksums.Report checksums;

    RebuildJob(UUID id, String requestedBy, Instant requestedAt) {
        this.id = id;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    UUID id() {
        return id;
    }

    synchronized void status(Status status) {
        this.status = status;
    }

    synchronized Status status() {
        return status;
    }

    synchronized void listeners(List<String> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    synchronized void truncated(List<String> tables) {
        this.truncatedTables = List.copyOf(tables);
    }

    synchronized void partition(String group, TopicPartition partition, long start, long end) {
        partitions.add(new Partition(group, partition, start, end));
    }

    synchronized void replayStarted(Instant at) {
        status = Status.REPLAYING;
        replayStartedAt = at;
    }

    /** The groups and partitions to follow, and where each must get to. */
    synchronized Map<String, List<TopicPartition>> partitionsByGroup() {
        Map<String, List<TopicPartition>> byGroup = new LinkedHashMap<>();
        partitions.forEach(p -> byGroup.computeIfAbsent(p.group, g -> new ArrayList<>()).add(p.partition));
        return byGroup;
    }

    synchronized long end(String group, TopicPartition partition) {
        return find(group, partition).end;
    }

    synchronized long start(String group, TopicPartition partition) {
        return find(group, partition).start;
    }

    /** Whether this partition's position has not moved since the previous reading, short of its end. */
    synchronized boolean stalled(String group, TopicPartition partition, long position) {
        Partition p = find(group, partition);
        return position < p.end && position == p.previousPosition;
    }

    synchronized void position(String group, TopicPartition partition, long position) {
        Partition p = find(group, partition);
        p.previousPosition = position;
        p.position = Math.max(p.position, position);
    }

    synchronized boolean caughtUp() {
        return partitions.stream().allMatch(p -> p.position >= p.end);
    }

    synchronized void done(Instant at, ProjectionChecksums.Report checksums) {
        status = Status.DONE;
        finishedAt = at;
        this.checksums = checksums;
    }

    synchronized void failed(Instant at, String error) {
        status = Status.FAILED;
        finishedAt = at;
        this.error = error;
    }

    synchronized View view(Instant now) {
        Map<String, TopicProgress> topics = new LinkedHashMap<>();
        long done = 0;
        long total = 0;
        for (Partition p : partitions) {
            String key = p.group + "/" + p.partition.topic();
            TopicProgress before = topics.getOrDefault(key, new TopicProgress(p.group, p.partition.topic(), 0, 0, 0));
            topics.put(key, new TopicProgress(p.group, p.partition.topic(), before.partitions() + 1,
                    before.done() + p.done(), before.total() + p.total()));
            done += p.done();
            total += p.total();
        }
        Instant until = finishedAt == null ? now : finishedAt;
        double elapsed = seconds(requestedAt, until);
        double replaying = replayStartedAt == null ? 0 : seconds(replayStartedAt, until);
        double rate = replaying > 0 ? done / replaying : 0;
        return new View(id, status, requestedBy, requestedAt, replayStartedAt, finishedAt, elapsed, done, total,
                Math.round(rate * 10) / 10.0, List.copyOf(topics.values()), listeners, truncatedTables, error,
                checksums);
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis()) / 1000.0;
    }

    private Partition find(String group, TopicPartition partition) {
        return partitions.stream().filter(p -> p.group.equals(group) && p.partition.equals(partition)).findFirst()
                .orElseThrow();
    }
}
