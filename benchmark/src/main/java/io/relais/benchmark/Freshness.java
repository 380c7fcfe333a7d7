package io.relais.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Phase 4: command accepted (2xx received) → visible in the query projection (task_projection.version has reached
 * the event's aggregate sequence). One thread polls the projection's database every {@value #POLL_MILLIS} ms for
 * the tasks still pending, in batches; the figure is therefore exact to about the poll interval plus one query.
 */
final class Freshness implements AutoCloseable {

    static final int POLL_MILLIS = 5;

    private record Accepted(int version, long acceptedNanos) {
    }

    private final Map<String, Deque<Accepted>> pending = new ConcurrentHashMap<>();
    private final LatencyRecorder recorder = new LatencyRecorder();
    private final Connection connection;
    private final Thread poller;
    private volatile boolean running = true;
    private volatile long visibleCount;

    Freshness(String jdbcUrl, String user, String password) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, user, password);
        this.poller = new Thread(this::poll, "freshness-poller");
        this.poller.setDaemon(true);
        this.poller.start();
    }

    void accepted(String taskId, int version, long acceptedNanos) {
        pending.compute(taskId, (id, queue) -> {
            Deque<Accepted> q = queue == null ? new ArrayDeque<>() : queue;
            q.add(new Accepted(version, acceptedNanos));
            return q;
        });
    }

    int pendingCount() {
        return pending.values().stream().mapToInt(Deque::size).sum();
    }

    /**
     * Waits until nothing is pending, at most {@code seconds}, or until nothing became visible for 15 s (the relay
     * or the projection has stopped); answers what is still pending.
     */
    int drain(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long seen = visibleCount;
        long progressAt = System.nanoTime();
        while (pendingCount() > 0 && System.nanoTime() < deadline
                && System.nanoTime() - progressAt < TimeUnit.SECONDS.toNanos(15)) {
            Thread.sleep(50);
            if (visibleCount != seen) {
                seen = visibleCount;
                progressAt = System.nanoTime();
            }
        }
        return pendingCount();
    }

    LatencyRecorder.Summary summary() {
        return recorder.corrected();
    }

    private void poll() {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT task_id::text, version FROM task_projection WHERE task_id = ANY (?)")) {
            while (running) {
                List<String> ids = new ArrayList<>(pending.keySet());
                for (int from = 0; from < ids.size(); from += 1000) {
                    List<String> batch = ids.subList(from, Math.min(ids.size(), from + 1000));
                    UUID[] uuids = batch.stream().map(UUID::fromString).toArray(UUID[]::new);
                    Array array = connection.createArrayOf("uuid", uuids);
                    select.setArray(1, array);
                    try (ResultSet rows = select.executeQuery()) {
                        long now = System.nanoTime();
                        while (rows.next()) {
                            String id = rows.getString(1);
                            long version = rows.getLong(2);
                            pending.computeIfPresent(id, (key, queue) -> {
                                while (!queue.isEmpty() && queue.peek().version() <= version) {
                                    recorder.record(queue.poll().acceptedNanos(), now);
                                    visibleCount++;
                                }
                                return queue.isEmpty() ? null : queue;
                            });
                        }
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (SQLException failed) {
            Progress.say("freshness poller stopped: %s", failed);
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        poller.join(5_000);
        connection.close();
    }
}
