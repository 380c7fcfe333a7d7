package io.relais.kpi.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.relais.calendar.SlaClock;
import io.relais.calendar.SlaPolicy;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.EventType;
import io.relais.contract.Topics;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.kpi.Kpis;
import io.relais.contract.kpi.WindowKind;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.task.IncidentKind;
import io.relais.contract.task.IncidentReported;
import io.relais.contract.task.IncidentSeverity;
import io.relais.contract.task.TaskAssigned;
import io.relais.contract.task.TaskCompleted;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRated;
import io.relais.contract.task.TaskReprioritized;
import io.relais.contract.task.TaskRequested;
import io.relais.kpi.KpiSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * A seeded random workload of task lifecycles (re-deliveries and out-of-order events within the grace included)
 * through the production topology; every published KPI must equal what a straightforward reference computes from
 * the same event list: per task replay, then for each window the plain lists of what happened in it. The
 * reference shares no code with the topology but the contract and the business calendar's SLA arithmetic, which is
 * the specification of elapsed SLA time.
 */
class RollingKpisDifferentialTest {

    private static final long SEED = 20_260_302L;
    private static final int TASKS = 2_000;
    static final Instant FIRST_REQUEST = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration SPAN = Duration.ofDays(14);
    private static final Instant WALL_START = Instant.parse("2026-04-01T12:00:00Z");
    private static final Duration GRACE = Duration.ofHours(1);
    private static final String[] TYPES = {"INVOICING", "PAYMENT_REMINDER", "CRM_UPDATE", "SUPPORT"};
    private static final String[] PROCESSES = {"sop-invoices", "sop-reminders", "sop-crm", null};
    private static final String[] POLICIES = {"CALENDAR_HOURS(8)", "BUSINESS_HOURS(24)", "BUSINESS_DAYS(2)",
            "CALENDAR_HOURS(48)", "NOT_A_POLICY(1)"};
    static final Map<String, long[]> RATES = new LinkedHashMap<>();

    static {
        RATES.put("e-1", new long[] {4500, 1800});
        RATES.put("e-2", new long[] {5000, 2250});
        RATES.put("e-3", new long[] {4000, 1999});
    }

    static final Map<String, String> PROVIDERS = Map.of("e-1", "Assistance Plus", "e-2", "BackOffice Pro",
            "e-3", "Assistance Plus", "e-unknown", "Sans Contrat");

    record Input(String taskId, CloudEvent event, Instant at) {
    }

    @Test
    void shouldPublishExactlyTheReferenceFigures_forASeededWorkloadWithRedeliveriesAndOutOfOrderEvents() {
        List<Input> workload = workload(new Random(SEED), TASKS);
        assertThat(workload).hasSizeGreaterThan(10_000);

        Map<String, KpiValue> published = runTopology(workload);
        Map<String, Double> expected = new Reference().run(workload);

        Map<String, Double> actual = new TreeMap<>();
        published.forEach((key, value) -> actual.put(key, value.value()));
        java.util.Set<String> missing = new java.util.TreeSet<>(expected.keySet());
        missing.removeAll(actual.keySet());
        java.util.Set<String> unexpected = new java.util.TreeSet<>(actual.keySet());
        unexpected.removeAll(expected.keySet());
        assertThat(missing).as("published by the reference only").isEmpty();
        assertThat(unexpected).as("published by the topology only").isEmpty();
        List<String> different = new ArrayList<>();
        expected.forEach((key, value) -> {
            double got = actual.get(key);
            boolean health = key.startsWith("health-");
            if (health ? Math.abs(got - value) > 1e-9 : Double.compare(got, value) != 0) {
                different.add(key + " expected " + value + " got " + got);
            }
        });
        assertThat(different).isEmpty();
        assertThat(expected.get(KpiValue.keyOf(Kpis.BACKLOG, Kpis.OVERALL, Kpis.ALL, WindowKind.NOW, null)))
                .isGreaterThan(0);
        assertThat(expected.keySet()).anyMatch(key -> key.startsWith(Kpis.CRITICAL_ON_TIME_RATE + "|provider="))
                .anyMatch(key -> key.startsWith(Kpis.COST_PER_TASK + "|process=sop-crm"));
    }

    // --- the workload ---------------------------------------------------------------------------------------------

    static List<Input> workload(Random random, int count) {
        List<Input> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String taskId = "task-" + i;
            TaskLifecycle task = new TaskLifecycle(taskId);
            Instant[] at = {FIRST_REQUEST.plusSeconds(random.nextLong(SPAN.getSeconds()))};
            java.util.function.Function<Integer, Instant> after = maxMinutes -> at[0] =
                    at[0].plus(Duration.ofMinutes(1 + random.nextInt(maxMinutes)));
            TaskPriority priority = TaskPriority.values()[random.nextInt(4)];
            String processId = PROCESSES[random.nextInt(PROCESSES.length)];
            String policy = random.nextInt(50) == 0 ? POLICIES[4] : POLICIES[random.nextInt(4)];
            add(events, task, task.requested(TYPES[random.nextInt(TYPES.length)], priority, processId, policy, at[0]));
            if (random.nextInt(20) == 0) {
                add(events, task, task.reprioritized(priority, TaskPriority.CRITICAL, after.apply(60)));
            }
            if (random.nextInt(10) == 0) {
                continue; // never assigned: stays in the backlog
            }
            String engagement = random.nextInt(30) == 0 ? "e-unknown" : "e-" + (1 + random.nextInt(3));
            add(events, task, task.assigned(PROVIDERS.get(engagement), engagement, after.apply(90)));
            add(events, task, task.started(after.apply(120)));
            if (random.nextInt(5) == 0) {
                add(events, task, task.putOnHold(after.apply(120)));
                add(events, task, task.resumed(after.apply(600)));
            }
            if (random.nextInt(25) == 0) {
                add(events, task, task.incident(IncidentSeverity.values()[random.nextInt(4)],
                        IncidentKind.values()[random.nextInt(2)], after.apply(60)));
            }
            if (random.nextInt(20) == 0) {
                add(events, task, task.cancelled(after.apply(300)));
                continue;
            }
            if (random.nextInt(15) == 0) {
                continue; // in progress at the end
            }
            add(events, task, task.completed(5 + random.nextInt(240), random.nextInt(6) != 0, after.apply(600)));
            while (random.nextInt(7) == 0) {
                add(events, task, task.reworkRequested(after.apply(300)));
                add(events, task, task.completed(5 + random.nextInt(120), random.nextInt(4) != 0, after.apply(400)));
            }
            if (random.nextInt(12) == 0) {
                continue; // awaiting approval at the end
            }
            add(events, task, task.approved(after.apply(600)));
            if (random.nextInt(5) < 3) {
                add(events, task, task.rated(random.nextInt(11), after.apply(1440)));
            }
            if (random.nextInt(40) == 0) {
                add(events, task, task.incident(IncidentSeverity.values()[random.nextInt(4)], IncidentKind.ERROR,
                        after.apply(1440)));
            }
        }
        events.sort(java.util.Comparator.comparing(Input::at));
        // out of order across tasks, within the grace: swap neighbours of different tasks less than 30 min apart
        for (int i = 1; i < events.size(); i++) {
            Input previous = events.get(i - 1);
            Input current = events.get(i);
            if (!previous.taskId().equals(current.taskId()) && random.nextInt(10) == 0
                    && Duration.between(previous.at(), current.at()).compareTo(Duration.ofMinutes(30)) < 0) {
                events.set(i - 1, current);
                events.set(i, previous);
                i++;
            }
        }
        // re-deliveries: a copy of an event a little later (the relay republishing after a crash)
        List<Input> delivered = new ArrayList<>(events.size() + events.size() / 20);
        List<Input> echoes = new ArrayList<>();
        for (Input input : events) {
            delivered.add(input);
            if (random.nextInt(25) == 0) {
                echoes.add(input);
            }
            if (!echoes.isEmpty() && random.nextInt(3) == 0) {
                delivered.add(echoes.remove(0));
            }
        }
        delivered.addAll(echoes);
        return delivered;
    }

    private static void add(List<Input> events, TaskLifecycle task, CloudEvent event) {
        events.add(new Input(task.taskId(), event, event.getTime().toInstant()));
    }

    // --- the topology ---------------------------------------------------------------------------------------------

    private static Map<String, KpiValue> runTopology(List<Input> workload) {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "rolling-differential");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        Map<String, KpiValue> published = new HashMap<>();
        RollingKpisTopology topology = new RollingKpisTopology(GRACE, Duration.ofSeconds(1), Duration.ofSeconds(30),
                HealthWeights.DEFAULTS).withInMemoryStores();
        try (TopologyTestDriver driver = new TopologyTestDriver(topology.build(new StreamsBuilder()), settings,
                WALL_START)) {
            TestInputTopic<String, CloudEvent> engagements = driver.createInputTopic(Topics.ENGAGEMENTS.name(),
                    KpiSerdes.KEY.serializer(), KpiSerdes.CLOUD_EVENT.serializer());
            RATES.forEach((id, rates) -> engagements.pipeInput(id, TaskLifecycle.engagementStarted(id,
                    PROVIDERS.get(id), euros(rates[0]), euros(rates[1]), FIRST_REQUEST.minus(Duration.ofDays(30)))));
            TestInputTopic<String, CloudEvent> tasks = driver.createInputTopic(Topics.TASKS.name(),
                    KpiSerdes.KEY.serializer(), KpiSerdes.CLOUD_EVENT.serializer());
            int piped = 0;
            for (Input input : workload) {
                tasks.pipeInput(input.taskId(), input.event(), input.at());
                if (++piped % 1_000 == 0) {
                    dropInternalRecords(driver);
                }
            }
            driver.advanceWallClockTime(Duration.ofSeconds(30)); // one publication and one WIP report
            TestOutputTopic<String, KpiValue> kpis = driver.createOutputTopic(Topics.KPIS.name(),
                    KpiSerdes.KEY.deserializer(), KpiSerdes.KPI_VALUE.deserializer());
            kpis.readKeyValuesToList().forEach(record -> published.put(record.key, record.value));
        }
        return published;
    }

    /** TopologyTestDriver keeps every changelog and repartition record it produced: drop them as they come. */
    private static void dropInternalRecords(TopologyTestDriver driver) {
        for (String topic : driver.producedTopicNames()) {
            if (!topic.equals(Topics.KPIS.name())) {
                driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                        .readRecordsToList();
            }
        }
    }

    static String euros(long cents) {
        return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }

    // --- the reference --------------------------------------------------------------------------------------------

    /** Plain replay: per task state, then per window plain lists; formulas as README states them. */
    static final class Reference {

        private static final long HOUR = 3_600_000L;
        private static final long DAY = 24 * HOUR;

        static final class Task {
            String type;
            String processId;
            String provider;
            String engagement;
            TaskPriority priority;
            Instant requestedAt;
            SlaClock sla;
            List<SlaClock.Transition> transitions = new ArrayList<>();
            boolean running;
            boolean open = true;
            long cost;
            boolean costKnown = true;
        }

        /** What happened in one window of one group. */
        static final class Window {
            long requested;
            long requestedWithSop;
            long completions;
            long checklistPassed;
            long minutes;
            long providerCost;
            long internalCost;
            List<Long> slaElapsed = new ArrayList<>();
            List<Long> wall = new ArrayList<>();
            List<Boolean> onTime = new ArrayList<>();
            List<Boolean> criticalOnTime = new ArrayList<>();
            List<Long> taskCosts = new ArrayList<>();
            long reworks;
            Map<IncidentSeverity, Long> incidents = new HashMap<>();
            List<Integer> ratings = new ArrayList<>();
        }

        private final Map<String, Long> lastSequence = new HashMap<>();
        private final Map<String, Task> tasks = new HashMap<>();
        private final Map<String, Window> windows = new HashMap<>();

        Map<String, Double> run(List<Input> workload) {
            for (Input input : workload) {
                long sequence = ((Number) input.event().getExtension(CloudEventAttributes.AGGREGATE_SEQUENCE)).longValue();
                Long last = lastSequence.get(input.taskId());
                if (last != null && sequence <= last) {
                    continue;
                }
                lastSequence.put(input.taskId(), sequence);
                apply(input.taskId(), input.event(), input.at());
            }
            Map<String, Double> expected = new HashMap<>();
            windows.forEach((key, window) -> figures(key, window, expected));
            backlog(expected);
            return expected;
        }

        private void apply(String taskId, CloudEvent event, Instant at) {
            EventType type = EventType.ofCloudEventType(event.getType()).orElseThrow();
            Task task = tasks.get(taskId);
            if (type == EventType.TASK_REQUESTED) {
                TaskRequested request = KpiSerdes.readData(event, TaskRequested.class);
                task = new Task();
                task.type = request.type();
                task.processId = request.processId();
                task.priority = request.priority();
                task.requestedAt = request.requestedAt();
                try {
                    CalendarSpec c = request.calendar();
                    task.sla = SlaClock.of(SlaPolicy.parse(request.slaPolicy()), new io.relais.calendar.CalendarSpec(
                            c.zone(), c.workingHours(), c.holidays(), c.closedDays()).toCalendar(), task.requestedAt);
                } catch (RuntimeException unreadable) {
                    task.sla = null;
                }
                run(task, at, true);
                tasks.put(taskId, task);
                Window[] in = windowsOf(task, at);
                for (Window w : in) {
                    w.requested++;
                    w.requestedWithSop += task.processId == null ? 0 : 1;
                }
                return;
            }
            switch (type) {
                case TASK_ASSIGNED -> {
                    TaskAssigned assigned = KpiSerdes.readData(event, TaskAssigned.class);
                    task.provider = assigned.providerOrganisation();
                    task.engagement = assigned.engagementId();
                }
                case TASK_REPRIORITIZED -> task.priority = KpiSerdes.readData(event, TaskReprioritized.class).to();
                case TASK_STARTED, TASK_RESUMED -> run(task, at, true);
                case TASK_PUT_ON_HOLD -> run(task, at, false);
                case TASK_REWORK_REQUESTED -> {
                    run(task, at, true);
                    for (Window w : windowsOf(task, at)) {
                        w.reworks++;
                    }
                }
                case TASK_COMPLETED -> {
                    TaskCompleted completed = KpiSerdes.readData(event, TaskCompleted.class);
                    run(task, at, false);
                    long[] rates = RATES.get(task.engagement);
                    if (rates == null) {
                        task.costKnown = false;
                    } else {
                        task.cost += completed.timeSpentMinutes() * rates[1];
                    }
                    boolean passed = completed.checklist().stream().allMatch(item -> item.passed());
                    for (Window w : windowsOf(task, at)) {
                        w.completions++;
                        w.checklistPassed += passed ? 1 : 0;
                        w.minutes += completed.timeSpentMinutes();
                        if (rates != null) {
                            w.internalCost += completed.timeSpentMinutes() * rates[0];
                            w.providerCost += completed.timeSpentMinutes() * rates[1];
                        }
                    }
                }
                case TASK_APPROVED -> {
                    run(task, at, false);
                    task.open = false;
                    for (Window w : windowsOf(task, at)) {
                        w.wall.add(Duration.between(task.requestedAt, at).getSeconds());
                        if (task.sla != null) {
                            Duration elapsed = task.sla.elapsed(task.transitions, at);
                            w.slaElapsed.add(elapsed.getSeconds());
                            boolean onTime = elapsed.compareTo(task.sla.budget()) <= 0;
                            w.onTime.add(onTime);
                            if (task.priority == TaskPriority.CRITICAL) {
                                w.criticalOnTime.add(onTime);
                            }
                        }
                        if (task.costKnown) {
                            w.taskCosts.add(task.cost);
                        }
                    }
                }
                case TASK_CANCELLED -> task.open = false;
                case TASK_RATED -> {
                    int rating = KpiSerdes.readData(event, TaskRated.class).rating();
                    for (Window w : windowsOf(task, at)) {
                        w.ratings.add(rating);
                    }
                }
                case INCIDENT_REPORTED -> {
                    IncidentSeverity severity = KpiSerdes.readData(event, IncidentReported.class).severity();
                    for (Window w : windowsOf(task, at)) {
                        w.incidents.merge(severity, 1L, Long::sum);
                    }
                }
                default -> throw new IllegalStateException(type.name());
            }
        }

        private static void run(Task task, Instant at, boolean running) {
            if (!task.open || (!task.transitions.isEmpty() && task.running == running)) {
                return;
            }
            task.transitions.add(running ? SlaClock.Transition.running(at) : SlaClock.Transition.paused(at));
            task.running = running;
        }

        /** Every window of every group the event at {@code at} falls in. */
        private Window[] windowsOf(Task task, Instant at) {
            List<String> groups = new ArrayList<>(List.of("overall=all", "task-type=" + task.type,
                    "process=" + (task.processId == null ? "ad-hoc" : task.processId)));
            if (task.provider != null) {
                groups.add("provider=" + task.provider);
            }
            long t = at.toEpochMilli();
            List<Window> in = new ArrayList<>();
            for (String group : groups) {
                in.add(window(WindowKind.DAY, t - Math.floorMod(t, DAY), group));
                long hour = t - Math.floorMod(t, HOUR);
                for (long start = hour - 23 * HOUR; start <= hour; start += HOUR) {
                    in.add(window(WindowKind.TRAILING_24H, start, group));
                }
                long day = t - Math.floorMod(t, DAY);
                for (long start = day - 6 * DAY; start <= day; start += DAY) {
                    in.add(window(WindowKind.TRAILING_7D, start, group));
                }
            }
            return in.toArray(Window[]::new);
        }

        private Window window(WindowKind kind, long start, String group) {
            return windows.computeIfAbsent(kind.name() + "|" + start + "|" + group, k -> new Window());
        }

        private static void figures(String windowKey, Window w, Map<String, Double> out) {
            String[] parts = windowKey.split("\\|", 3);
            WindowKind kind = WindowKind.valueOf(parts[0]);
            Instant start = Instant.ofEpochMilli(Long.parseLong(parts[1]));
            String dimension = parts[2].substring(0, parts[2].indexOf('='));
            String group = parts[2].substring(parts[2].indexOf('=') + 1);
            java.util.function.BiConsumer<String, Double> put = (kpi, value) ->
                    out.put(KpiValue.keyOf(kpi, dimension, group, kind, start), value);
            put.accept(Kpis.TASKS_REQUESTED, (double) w.requested);
            put.accept(Kpis.THROUGHPUT, (double) w.completions);
            put.accept(Kpis.TASKS_APPROVED, (double) w.wall.size());
            percentiles(w.slaElapsed, Kpis.PROCESSING_SLA_MEAN, Kpis.PROCESSING_SLA_P50, Kpis.PROCESSING_SLA_P90, put);
            percentiles(w.wall, Kpis.PROCESSING_WALL_MEAN, Kpis.PROCESSING_WALL_P50, Kpis.PROCESSING_WALL_P90, put);
            long onTime = w.onTime.stream().filter(b -> b).count();
            if (!w.onTime.isEmpty()) {
                put.accept(Kpis.ON_TIME_RATE, (double) onTime / w.onTime.size());
            }
            if (!w.criticalOnTime.isEmpty()) {
                put.accept(Kpis.CRITICAL_ON_TIME_RATE,
                        (double) w.criticalOnTime.stream().filter(b -> b).count() / w.criticalOnTime.size());
            }
            if (w.completions > 0) {
                put.accept(Kpis.ERROR_RATE, (double) w.reworks / w.completions);
            }
            put.accept(Kpis.REWORKS, (double) w.reworks);
            long incidents = w.incidents.values().stream().mapToLong(Long::longValue).sum();
            put.accept(Kpis.INCIDENTS, (double) incidents);
            put.accept(Kpis.INCIDENTS_LOW, (double) w.incidents.getOrDefault(IncidentSeverity.LOW, 0L));
            put.accept(Kpis.INCIDENTS_MEDIUM, (double) w.incidents.getOrDefault(IncidentSeverity.MEDIUM, 0L));
            put.accept(Kpis.INCIDENTS_HIGH, (double) w.incidents.getOrDefault(IncidentSeverity.HIGH, 0L));
            put.accept(Kpis.INCIDENTS_CRITICAL, (double) w.incidents.getOrDefault(IncidentSeverity.CRITICAL, 0L));
            put.accept(Kpis.RATINGS, (double) w.ratings.size());
            long ratingSum = w.ratings.stream().mapToLong(Integer::longValue).sum();
            if (!w.ratings.isEmpty()) {
                long promoters = w.ratings.stream().filter(r -> r >= 9).count();
                long detractors = w.ratings.stream().filter(r -> r <= 6).count();
                put.accept(Kpis.SATISFACTION, (double) ratingSum / w.ratings.size());
                put.accept(Kpis.INTERNAL_NPS, 100.0 * (promoters - detractors) / w.ratings.size());
            }
            put.accept(Kpis.TIME_SAVED, w.minutes / 60.0);
            put.accept(Kpis.PROVIDER_COST, w.providerCost / 6000.0);
            put.accept(Kpis.SAVINGS, (w.internalCost - w.providerCost) / 6000.0);
            if (!w.taskCosts.isEmpty()) {
                put.accept(Kpis.COST_PER_TASK, w.taskCosts.stream().mapToLong(Long::longValue).sum() / 6000.0
                        / w.taskCosts.size());
            }
            Double[] criteria = {
                    w.onTime.isEmpty() ? null : (double) onTime / w.onTime.size(),
                    w.requested == 0 ? null : Math.min(1.0, (double) w.wall.size() / w.requested),
                    w.completions == 0 ? null : Math.max(0.0, 1.0 - (double) (w.reworks + incidents) / w.completions),
                    w.requested == 0 ? null : (double) w.requestedWithSop / w.requested,
                    w.completions == 0 ? null : (double) w.checklistPassed / w.completions,
                    w.ratings.isEmpty() ? null : ratingSum / 10.0 / w.ratings.size()};
            health(criteria, new double[] {0.4, 0.4, 0, 0, 0, 0.2}, Kpis.HEALTH_GROWTH, put);
            health(criteria, new double[] {0.1, 0, 0.35, 0.35, 0.2, 0}, Kpis.HEALTH_TRANSFORMATION, put);
            health(criteria, new double[] {0, 0, 0.3, 0.3, 0.4, 0}, Kpis.HEALTH_SALE, put);
        }

        private static void percentiles(List<Long> seconds, String mean, String p50, String p90,
                                        java.util.function.BiConsumer<String, Double> put) {
            if (seconds.isEmpty()) {
                return;
            }
            long[] sorted = seconds.stream().mapToLong(Long::longValue).sorted().toArray();
            put.accept(mean, (double) Arrays.stream(sorted).sum() / sorted.length / 3600.0);
            // nearest rank: the ceil(p × n / 100)-th smallest
            put.accept(p50, sorted[(int) ((50L * sorted.length + 99) / 100) - 1] / 3600.0);
            put.accept(p90, sorted[(int) ((90L * sorted.length + 99) / 100) - 1] / 3600.0);
        }

        private static void health(Double[] criteria, double[] weights, String kpi,
                                   java.util.function.BiConsumer<String, Double> put) {
            double weighted = 0;
            double total = 0;
            for (int i = 0; i < weights.length; i++) {
                if (criteria[i] != null && weights[i] > 0) {
                    weighted += weights[i] * criteria[i];
                    total += weights[i];
                }
            }
            if (total > 0) {
                put.accept(kpi, 100.0 * weighted / total);
            }
        }

        /** Open tasks at the WIP punctuation (the driver's wall clock 30 s after its start). */
        private void backlog(Map<String, Double> out) {
            Instant now = WALL_START.plusSeconds(30);
            Map<String, List<Long>> ages = new HashMap<>();
            tasks.values().stream().filter(task -> task.open).forEach(task -> {
                List<String> groups = new ArrayList<>(List.of("overall=all", "task-type=" + task.type,
                        "process=" + (task.processId == null ? "ad-hoc" : task.processId)));
                if (task.provider != null) {
                    groups.add("provider=" + task.provider);
                }
                for (String group : groups) {
                    ages.computeIfAbsent(group, g -> new ArrayList<>())
                            .add(Duration.between(task.requestedAt, now).getSeconds());
                }
            });
            ages.forEach((group, list) -> {
                String dimension = group.substring(0, group.indexOf('='));
                String name = group.substring(group.indexOf('=') + 1);
                long sum = list.stream().mapToLong(Long::longValue).sum();
                out.put(KpiValue.keyOf(Kpis.BACKLOG, dimension, name, WindowKind.NOW, null), (double) list.size());
                out.put(KpiValue.keyOf(Kpis.WIP_AGE_MEAN, dimension, name, WindowKind.NOW, null),
                        (double) sum / list.size() / 3600.0);
                out.put(KpiValue.keyOf(Kpis.WIP_AGE_MAX, dimension, name, WindowKind.NOW, null),
                        list.stream().mapToLong(Long::longValue).max().orElseThrow() / 3600.0);
            });
        }
    }
}
