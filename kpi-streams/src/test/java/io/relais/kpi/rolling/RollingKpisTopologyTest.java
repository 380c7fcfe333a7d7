package io.relais.kpi.rolling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cloudevents.CloudEvent;
import io.relais.contract.Topics;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.kpi.Kpis;
import io.relais.contract.kpi.WindowKind;
import io.relais.contract.task.IncidentKind;
import io.relais.contract.task.IncidentSeverity;
import io.relais.contract.task.TaskPriority;
import io.relais.kpi.KpiSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rolling KPIs against the production builder: events at fixed event times, publication driven by the test's
 * wall clock (every second), grace 1 h. Calendar: France default (09:00–18:00 Paris = 08:00–17:00 UTC in March
 * 2026, no holiday in the week of Monday 16 March). In-memory stores: TopologyTestDriver flushes every RocksDB
 * store after each record, which on a loaded two-core machine costs minutes; KpiTopologyCompositionTest and
 * KpiStreamsIT run the service's persistent stores.
 */
class RollingKpisTopologyTest {

    private static final Instant MONDAY = Instant.parse("2026-03-16T00:00:00Z");
    private static final Instant WEEK_WINDOW = Instant.parse("2026-03-12T00:00:00Z");
    private static final Instant WALL_START = Instant.parse("2026-03-20T12:00:00Z");
    private static final String ENGAGEMENT = "e-1";
    private static final String PROVIDER = "Assistance Plus";

    private TopologyTestDriver driver;
    private TestInputTopic<String, CloudEvent> tasks;
    private TestInputTopic<String, CloudEvent> engagements;
    private TestOutputTopic<String, KpiValue> kpis;
    private final Map<String, KpiValue> latest = new HashMap<>();

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
        }
    }

    // --- money: the seed's ROI ----------------------------------------------------------------------------------

    @Test
    void shouldSave405EurosInTheWeek_when15HoursAreCompletedAt45InsteadOf18EurosAnHour() {
        start(HealthWeights.DEFAULTS);
        engagements.pipeInput(ENGAGEMENT, TaskLifecycle.engagementStarted(ENGAGEMENT, PROVIDER, "45", "18", MONDAY));
        for (int day = 0; day < 3; day++) {
            Instant morning = MONDAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(8));
            TaskLifecycle task = new TaskLifecycle("roi-" + day);
            pipe(task, task.requested("INVOICING", TaskPriority.NORMAL, "sop-invoices", "BUSINESS_DAYS(2)", morning));
            pipe(task, task.assigned(PROVIDER, ENGAGEMENT, morning.plusSeconds(60)));
            pipe(task, task.completed(300, true, morning.plus(Duration.ofHours(6))));
            pipe(task, task.approved(morning.plus(Duration.ofHours(7))));
        }
        publish();

        assertThat(value(Kpis.TIME_SAVED, Kpis.OVERALL, Kpis.ALL, WindowKind.TRAILING_7D, WEEK_WINDOW))
                .isEqualTo(15.0);
        assertThat(value(Kpis.PROVIDER_COST, Kpis.BY_PROVIDER, PROVIDER, WindowKind.TRAILING_7D, WEEK_WINDOW))
                .isEqualTo(270.0);
        assertThat(value(Kpis.SAVINGS, Kpis.BY_PROCESS, "sop-invoices", WindowKind.TRAILING_7D, WEEK_WINDOW))
                .isEqualTo(405.0);
        assertThat(value(Kpis.COST_PER_TASK, Kpis.BY_TASK_TYPE, "INVOICING", WindowKind.TRAILING_7D, WEEK_WINDOW))
                .isEqualTo(90.0);
        assertThat(value(Kpis.SAVINGS, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(135.0);
    }

    @Test
    void shouldCountTimeSavedButNoCost_whenTheEngagementsRatesAreUnknown() {
        start(HealthWeights.DEFAULTS);
        TaskLifecycle task = new TaskLifecycle("no-rates");
        pipe(task, task.requested("INVOICING", TaskPriority.NORMAL, null, "BUSINESS_DAYS(2)", at(8, 0)));
        pipe(task, task.assigned(PROVIDER, "unknown-engagement", at(8, 1)));
        pipe(task, task.completed(90, true, at(9, 0)));
        pipe(task, task.approved(at(10, 0)));
        publish();

        assertThat(value(Kpis.TIME_SAVED, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(1.5);
        assertThat(value(Kpis.SAVINGS, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(0.0);
        assertThat(find(Kpis.COST_PER_TASK, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isNull();
    }

    // --- quality ------------------------------------------------------------------------------------------------

    @Test
    void shouldCountReworkAsError_whenRequestedAfterCompletion() {
        start(HealthWeights.DEFAULTS);
        TaskLifecycle task = new TaskLifecycle("rework");
        pipe(task, task.requested("PAYROLL", TaskPriority.NORMAL, null, "BUSINESS_DAYS(2)", at(8, 0)));
        pipe(task, task.completed(60, true, at(10, 0)));
        pipe(task, task.reworkRequested(at(11, 0)));
        pipe(task, task.completed(30, true, at(12, 0)));
        pipe(task, task.approved(at(13, 0)));
        publish();

        assertThat(value(Kpis.THROUGHPUT, Kpis.BY_TASK_TYPE, "PAYROLL", WindowKind.DAY, MONDAY)).isEqualTo(2.0);
        assertThat(value(Kpis.REWORKS, Kpis.BY_TASK_TYPE, "PAYROLL", WindowKind.DAY, MONDAY)).isEqualTo(1.0);
        assertThat(value(Kpis.ERROR_RATE, Kpis.BY_TASK_TYPE, "PAYROLL", WindowKind.DAY, MONDAY)).isEqualTo(0.5);
        assertThat(value(Kpis.TASKS_APPROVED, Kpis.BY_PROCESS, Kpis.AD_HOC, WindowKind.DAY, MONDAY)).isEqualTo(1.0);
    }

    @Test
    void shouldCountIncidentsBySeverity_andRatingsAsMeanAndInternalNps() {
        start(HealthWeights.DEFAULTS);
        TaskLifecycle task = new TaskLifecycle("quality");
        pipe(task, task.requested("CRM_UPDATE", TaskPriority.NORMAL, null, "CALENDAR_HOURS(48)", at(8, 0)));
        pipe(task, task.incident(IncidentSeverity.HIGH, IncidentKind.ERROR, at(9, 0)));
        pipe(task, task.incident(IncidentSeverity.HIGH, IncidentKind.ERROR, at(9, 1)));
        pipe(task, task.incident(IncidentSeverity.LOW, IncidentKind.ERROR, at(9, 2)));
        pipe(task, task.incident(IncidentSeverity.CRITICAL, IncidentKind.DATA_INCIDENT, at(9, 3)));
        for (int rating : List.of(10, 9, 7, 3)) {
            pipe(task, task.rated(rating, at(10, rating)));
        }
        publish();

        assertThat(value(Kpis.INCIDENTS, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(4.0);
        assertThat(value(Kpis.INCIDENTS_HIGH, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(2.0);
        assertThat(value(Kpis.INCIDENTS_MEDIUM, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(0.0);
        assertThat(value(Kpis.INCIDENTS_LOW, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(1.0);
        assertThat(value(Kpis.INCIDENTS_CRITICAL, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(1.0);
        assertThat(value(Kpis.RATINGS, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(4.0);
        assertThat(value(Kpis.SATISFACTION, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(7.25);
        // promoters 10, 9; passive 7; detractor 3: (2 − 1) / 4
        assertThat(value(Kpis.INTERNAL_NPS, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(25.0);
    }

    // --- SLA and processing time --------------------------------------------------------------------------------

    @Test
    void shouldMeasureProcessingTimeInBusinessAndWallHours_withNearestRankPercentiles() {
        start(HealthWeights.DEFAULTS);
        // 2 business hours, 4 h wall
        TaskLifecycle a = new TaskLifecycle("a");
        pipe(a, a.requested("INVOICING", TaskPriority.NORMAL, null, "BUSINESS_HOURS(24)", at(8, 0)));
        pipe(a, a.completed(30, true, at(10, 0)));
        pipe(a, a.approved(at(12, 0)));
        // on hold 09:00–11:00 UTC: 3 business hours, 5.5 h wall
        TaskLifecycle b = new TaskLifecycle("b");
        pipe(b, b.requested("INVOICING", TaskPriority.NORMAL, null, "BUSINESS_HOURS(24)", at(8, 0)));
        pipe(b, b.putOnHold(at(9, 0)));
        pipe(b, b.resumed(at(11, 0)));
        pipe(b, b.completed(30, true, at(13, 0)));
        pipe(b, b.approved(at(13, 30)));
        // Monday 17:00–18:00 and Tuesday 09:00–12:00 Paris: 4 business hours, 19.5 h wall
        TaskLifecycle c = new TaskLifecycle("c");
        pipe(c, c.requested("INVOICING", TaskPriority.NORMAL, null, "BUSINESS_HOURS(24)", at(16, 0)));
        pipe(c, c.completed(30, true, at(24 + 11, 0)));
        pipe(c, c.approved(at(24 + 11, 30)));
        publish();

        assertThat(value(Kpis.PROCESSING_SLA_MEAN, Kpis.OVERALL, Kpis.ALL, WindowKind.TRAILING_7D, WEEK_WINDOW))
                .isEqualTo(3.0);
        assertThat(value(Kpis.PROCESSING_SLA_P50, Kpis.OVERALL, Kpis.ALL, WindowKind.TRAILING_7D, WEEK_WINDOW))
                .isEqualTo(3.0);
        assertThat(value(Kpis.PROCESSING_SLA_P90, Kpis.OVERALL, Kpis.ALL, WindowKind.TRAILING_7D, WEEK_WINDOW))
                .isEqualTo(4.0);
        assertThat(value(Kpis.PROCESSING_WALL_MEAN, Kpis.OVERALL, Kpis.ALL, WindowKind.TRAILING_7D, WEEK_WINDOW))
                .isCloseTo(29.0 / 3, within(1e-12));
        assertThat(value(Kpis.PROCESSING_WALL_P50, Kpis.OVERALL, Kpis.ALL, WindowKind.TRAILING_7D, WEEK_WINDOW))
                .isEqualTo(5.5);
        assertThat(value(Kpis.PROCESSING_WALL_P90, Kpis.OVERALL, Kpis.ALL, WindowKind.TRAILING_7D, WEEK_WINDOW))
                .isEqualTo(19.5);
        // approvals of Monday only
        assertThat(value(Kpis.PROCESSING_SLA_P90, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(3.0);
    }

    @Test
    void shouldCountOnTimeAndCriticalOnTime_atApproval_withPriorityAsReprioritised() {
        start(HealthWeights.DEFAULTS);
        closeWithin("critical-on-time", TaskPriority.CRITICAL, 30);
        closeWithin("critical-late", TaskPriority.CRITICAL, 90);
        closeWithin("exactly-the-budget", TaskPriority.NORMAL, 60);
        TaskLifecycle raised = new TaskLifecycle("raised-to-critical");
        pipe(raised, raised.requested("SUPPORT", TaskPriority.NORMAL, null, "CALENDAR_HOURS(1)", at(8, 0)));
        pipe(raised, raised.reprioritized(TaskPriority.NORMAL, TaskPriority.CRITICAL, at(8, 5)));
        pipe(raised, raised.completed(10, true, at(9, 1)));
        pipe(raised, raised.approved(at(15, 0)));
        publish();

        assertThat(value(Kpis.ON_TIME_RATE, Kpis.BY_TASK_TYPE, "SUPPORT", WindowKind.DAY, MONDAY)).isEqualTo(0.5);
        assertThat(value(Kpis.CRITICAL_ON_TIME_RATE, Kpis.BY_TASK_TYPE, "SUPPORT", WindowKind.DAY, MONDAY))
                .isEqualTo(1.0 / 3);
    }

    @Test
    void shouldPublishNoRate_whenItsPopulationIsEmpty() {
        start(HealthWeights.DEFAULTS);
        TaskLifecycle task = new TaskLifecycle("only-requested");
        pipe(task, task.requested("SUPPORT", TaskPriority.NORMAL, null, "CALENDAR_HOURS(1)", at(8, 0)));
        publish();

        assertThat(value(Kpis.TASKS_REQUESTED, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(1.0);
        assertThat(value(Kpis.THROUGHPUT, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(0.0);
        assertThat(find(Kpis.ON_TIME_RATE, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isNull();
        assertThat(find(Kpis.ERROR_RATE, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isNull();
        assertThat(find(Kpis.PROCESSING_SLA_MEAN, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isNull();
        assertThat(find(Kpis.TASKS_REQUESTED, Kpis.BY_PROVIDER, PROVIDER, WindowKind.DAY, MONDAY)).isNull();
    }

    // --- windows ------------------------------------------------------------------------------------------------

    @Test
    void shouldPutAnEventInTheWindowsOfItsEventTime_withExclusiveWindowEnds() {
        start(HealthWeights.DEFAULTS);
        request("before-midnight", Instant.parse("2026-03-16T23:59:59.999Z"));
        request("at-midnight", Instant.parse("2026-03-17T00:00:00Z"));
        publish();

        Instant tuesday = MONDAY.plus(Duration.ofDays(1));
        assertThat(value(Kpis.TASKS_REQUESTED, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(1.0);
        assertThat(value(Kpis.TASKS_REQUESTED, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, tuesday)).isEqualTo(1.0);
        assertThat(latest.get(KpiValue.keyOf(Kpis.TASKS_REQUESTED, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY))
                .windowEnd()).isEqualTo(tuesday);
        // 24 h hops: [16 00:00, 17 00:00) has the first only, [16 01:00, 17 01:00) both, [17 00:00, 18 00:00) the second
        assertThat(value(Kpis.TASKS_REQUESTED, Kpis.OVERALL, Kpis.ALL, WindowKind.TRAILING_24H, MONDAY))
                .isEqualTo(1.0);
        assertThat(value(Kpis.TASKS_REQUESTED, Kpis.OVERALL, Kpis.ALL, WindowKind.TRAILING_24H,
                MONDAY.plus(Duration.ofHours(1)))).isEqualTo(2.0);
        assertThat(value(Kpis.TASKS_REQUESTED, Kpis.OVERALL, Kpis.ALL, WindowKind.TRAILING_24H, tuesday))
                .isEqualTo(1.0);
        assertThat(latest.values().stream().filter(v -> v.kpi().equals(Kpis.TASKS_REQUESTED)
                && v.dimension().equals(Kpis.OVERALL) && v.windowKind() == WindowKind.TRAILING_24H)).hasSize(25);
        // 7-day hops: the one ending Tuesday 00:00 has the first only, the one ending Wednesday 00:00 both
        assertThat(value(Kpis.TASKS_REQUESTED, Kpis.OVERALL, Kpis.ALL, WindowKind.TRAILING_7D,
                Instant.parse("2026-03-10T00:00:00Z"))).isEqualTo(1.0);
        assertThat(value(Kpis.TASKS_REQUESTED, Kpis.OVERALL, Kpis.ALL, WindowKind.TRAILING_7D,
                Instant.parse("2026-03-11T00:00:00Z"))).isEqualTo(2.0);
    }

    @Test
    void shouldCountAnOutOfOrderEventInsideGrace_andDropItFromClosedWindowsAfterGrace() {
        start(HealthWeights.DEFAULTS);
        request("on-time", Instant.parse("2026-03-16T23:30:00Z"));
        request("next-day", Instant.parse("2026-03-17T00:30:00Z"));
        request("out-of-order", Instant.parse("2026-03-16T23:45:00Z")); // stream time 00:30 < 00:00 + 1 h grace
        request("closes-monday", Instant.parse("2026-03-17T01:00:00Z")); // stream time reaches Monday's end + grace
        request("too-late", Instant.parse("2026-03-16T23:50:00Z"));
        publish();

        assertThat(value(Kpis.TASKS_REQUESTED, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(2.0);
        assertThat(value(Kpis.TASKS_REQUESTED, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY.plus(Duration.ofDays(1))))
                .isEqualTo(2.0);
        // a trailing window still within its grace counts the late event: [16 01:00, 17 01:00) ends at 01:00
        assertThat(value(Kpis.TASKS_REQUESTED, Kpis.OVERALL, Kpis.ALL, WindowKind.TRAILING_24H,
                MONDAY.plus(Duration.ofHours(1)))).isEqualTo(4.0);
    }

    @Test
    void shouldNotDoubleCount_whenEventsAreRedelivered() {
        start(HealthWeights.DEFAULTS);
        TaskLifecycle task = new TaskLifecycle("twice");
        CloudEvent requested = task.requested("SUPPORT", TaskPriority.NORMAL, null, "CALENDAR_HOURS(4)", at(8, 0));
        CloudEvent completed = task.completed(45, true, at(9, 0));
        CloudEvent approved = task.approved(at(10, 0));
        for (CloudEvent event : List.of(requested, requested, completed, requested, completed, approved, approved)) {
            pipe(task, event);
        }
        publish();

        assertThat(value(Kpis.TASKS_REQUESTED, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(1.0);
        assertThat(value(Kpis.THROUGHPUT, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(1.0);
        assertThat(value(Kpis.TIME_SAVED, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(0.75);
        assertThat(value(Kpis.TASKS_APPROVED, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY)).isEqualTo(1.0);
    }

    @Test
    void shouldPublishEachChangedWindowOncePerInterval_withItsLatestValue() {
        start(HealthWeights.DEFAULTS);
        request("one", at(8, 0));
        request("two", at(8, 1));
        request("three", at(8, 2));

        List<KeyValue<String, KpiValue>> published = kpis.readKeyValuesToList();
        assertThat(published).isEmpty();
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        String key = KpiValue.keyOf(Kpis.TASKS_REQUESTED, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY);
        assertThat(kpis.readKeyValuesToList()).filteredOn(record -> record.key.equals(key))
                .extracting(record -> record.value.value()).containsExactly(3.0);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(kpis.readKeyValuesToList()).isEmpty();
    }

    // --- health ---------------------------------------------------------------------------------------------------

    @Test
    void shouldScoreEachPhaseWithItsWeights_fromTheWindowsCriteria() {
        start(HealthWeights.DEFAULTS);
        healthScenario();

        // reactivity 0.5, absorption 0.5, reliability 1, formalisation 0.75, hand-offs 0.5, satisfaction 0.8
        assertThat(value(Kpis.HEALTH_GROWTH, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY))
                .isCloseTo(56.0, within(1e-9));
        assertThat(value(Kpis.HEALTH_TRANSFORMATION, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY))
                .isCloseTo(76.25, within(1e-9));
        assertThat(value(Kpis.HEALTH_SALE, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY))
                .isCloseTo(72.5, within(1e-9));
    }

    @Test
    void shouldScoreWithTheConfiguredWeights_andLeaveOutCriteriaWithoutData() {
        HealthWeights.Phase onlySatisfaction = new HealthWeights.Phase(0.0, 0.0, 0.0, 0.0, 0.0, 1.0);
        HealthWeights.Phase onlyReactivity = new HealthWeights.Phase(1.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        start(new HealthWeights(onlySatisfaction, onlyReactivity, null));
        healthScenario();
        TaskLifecycle unrated = new TaskLifecycle("tuesday");
        pipe(unrated, unrated.requested("SUPPORT", TaskPriority.NORMAL, null, "CALENDAR_HOURS(1)", at(24 + 8, 0)));
        publish();

        assertThat(value(Kpis.HEALTH_GROWTH, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY))
                .isCloseTo(80.0, within(1e-9));
        assertThat(value(Kpis.HEALTH_TRANSFORMATION, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, MONDAY))
                .isCloseTo(50.0, within(1e-9));
        Instant tuesday = MONDAY.plus(Duration.ofDays(1));
        assertThat(find(Kpis.HEALTH_GROWTH, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, tuesday)).isNull();
        assertThat(value(Kpis.HEALTH_SALE, Kpis.OVERALL, Kpis.ALL, WindowKind.DAY, tuesday)).isEqualTo(0.0);
    }

    // --- now figures --------------------------------------------------------------------------------------------

    @Test
    void shouldReportBacklogAndWipAgeingAtEachPunctuation_andZeroOnceTheLastOpenTaskCloses() {
        start(HealthWeights.DEFAULTS);
        Instant tenOClock = WALL_START.minus(Duration.ofHours(2));
        TaskLifecycle older = new TaskLifecycle("older");
        pipe(older, older.requested("PAYROLL", TaskPriority.NORMAL, null, "BUSINESS_DAYS(2)", tenOClock));
        pipe(older, older.assigned(PROVIDER, ENGAGEMENT, tenOClock.plusSeconds(60)));
        TaskLifecycle newer = new TaskLifecycle("newer");
        pipe(newer, newer.requested("PAYROLL", TaskPriority.NORMAL, null, "BUSINESS_DAYS(2)",
                tenOClock.plus(Duration.ofHours(1))));

        driver.advanceWallClockTime(Duration.ofSeconds(30));
        drain();
        assertThat(now(Kpis.BACKLOG, Kpis.OVERALL, Kpis.ALL)).isEqualTo(2.0);
        assertThat(now(Kpis.WIP_AGE_MEAN, Kpis.OVERALL, Kpis.ALL)).isEqualTo((7230.0 + 3630.0) / 2 / 3600);
        assertThat(now(Kpis.WIP_AGE_MAX, Kpis.OVERALL, Kpis.ALL)).isEqualTo(7230.0 / 3600);
        assertThat(now(Kpis.BACKLOG, Kpis.BY_PROVIDER, PROVIDER)).isEqualTo(1.0);
        assertThat(latest.get(KpiValue.keyOf(Kpis.BACKLOG, Kpis.OVERALL, Kpis.ALL, WindowKind.NOW, null))
                .windowStart()).isEqualTo(WALL_START.plusSeconds(30));

        pipe(older, older.completed(20, true, WALL_START.plusSeconds(31)));
        pipe(older, older.approved(WALL_START.plusSeconds(40)));
        driver.advanceWallClockTime(Duration.ofSeconds(30));
        drain();
        assertThat(now(Kpis.BACKLOG, Kpis.OVERALL, Kpis.ALL)).isEqualTo(1.0);
        assertThat(now(Kpis.WIP_AGE_MAX, Kpis.OVERALL, Kpis.ALL)).isEqualTo(3660.0 / 3600);
        assertThat(now(Kpis.BACKLOG, Kpis.BY_PROVIDER, PROVIDER)).isEqualTo(0.0);
        assertThat(now(Kpis.WIP_AGE_MEAN, Kpis.BY_PROVIDER, PROVIDER)).isEqualTo(0.0);

        pipe(newer, newer.cancelled(WALL_START.plusSeconds(70)));
        driver.advanceWallClockTime(Duration.ofSeconds(30));
        drain();
        assertThat(now(Kpis.BACKLOG, Kpis.OVERALL, Kpis.ALL)).isEqualTo(0.0);
        assertThat(now(Kpis.BACKLOG, Kpis.BY_TASK_TYPE, "PAYROLL")).isEqualTo(0.0);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** Monday 16 March 2026 at {@code hour}:{@code minute} UTC (hours past 24 run into the next days). */
    private static Instant at(int hour, int minute) {
        return MONDAY.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
    }

    private void closeWithin(String taskId, TaskPriority priority, int minutes) {
        TaskLifecycle task = new TaskLifecycle(taskId);
        pipe(task, task.requested("SUPPORT", priority, null, "CALENDAR_HOURS(1)", at(8, 0)));
        pipe(task, task.completed(10, true, at(8, minutes)));
        pipe(task, task.approved(at(15, 0)));
    }

    private void healthScenario() {
        TaskLifecycle onTime = new TaskLifecycle("h1");
        pipe(onTime, onTime.requested("SUPPORT", TaskPriority.NORMAL, "sop-1", "CALENDAR_HOURS(1)", at(8, 0)));
        pipe(onTime, onTime.completed(20, true, at(8, 30)));
        pipe(onTime, onTime.approved(at(9, 0)));
        pipe(onTime, onTime.rated(8, at(9, 5)));
        TaskLifecycle late = new TaskLifecycle("h2");
        pipe(late, late.requested("SUPPORT", TaskPriority.NORMAL, "sop-1", "CALENDAR_HOURS(1)", at(8, 0)));
        pipe(late, late.completed(20, false, at(10, 0)));
        pipe(late, late.approved(at(10, 30)));
        TaskLifecycle open = new TaskLifecycle("h3");
        pipe(open, open.requested("SUPPORT", TaskPriority.NORMAL, "sop-2", "CALENDAR_HOURS(1)", at(8, 0)));
        TaskLifecycle adHoc = new TaskLifecycle("h4");
        pipe(adHoc, adHoc.requested("SUPPORT", TaskPriority.NORMAL, null, "CALENDAR_HOURS(1)", at(8, 0)));
        publish();
    }

    private void request(String taskId, Instant at) {
        TaskLifecycle task = new TaskLifecycle(taskId);
        pipe(task, task.requested("SUPPORT", TaskPriority.NORMAL, null, "CALENDAR_HOURS(4)", at));
    }

    private void start(HealthWeights weights) {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "rolling-kpis-test");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(new RollingKpisTopology(Duration.ofHours(1), Duration.ofSeconds(1),
                Duration.ofSeconds(30), weights).withInMemoryStores().build(new StreamsBuilder()), settings,
                WALL_START);
        tasks = driver.createInputTopic(Topics.TASKS.name(), KpiSerdes.KEY.serializer(),
                KpiSerdes.CLOUD_EVENT.serializer());
        engagements = driver.createInputTopic(Topics.ENGAGEMENTS.name(), KpiSerdes.KEY.serializer(),
                KpiSerdes.CLOUD_EVENT.serializer());
        kpis = driver.createOutputTopic(Topics.KPIS.name(), KpiSerdes.KEY.deserializer(),
                KpiSerdes.KPI_VALUE.deserializer());
    }

    private void pipe(TaskLifecycle task, CloudEvent event) {
        tasks.pipeInput(task.taskId(), event, event.getTime().toInstant());
    }

    /** One publication (not a WIP punctuation: those come every 30 s). */
    private void publish() {
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        drain();
    }

    private void drain() {
        kpis.readKeyValuesToList().forEach(record -> latest.put(record.key, record.value));
    }

    private KpiValue find(String kpi, String dimension, String group, WindowKind kind, Instant start) {
        return latest.get(KpiValue.keyOf(kpi, dimension, group, kind, start));
    }

    private double value(String kpi, String dimension, String group, WindowKind kind, Instant start) {
        KpiValue value = find(kpi, dimension, group, kind, start);
        assertThat(value).as("%s %s=%s %s %s", kpi, dimension, group, kind, start).isNotNull();
        assertThat(value.key()).isEqualTo(KpiValue.keyOf(kpi, dimension, group, kind, start));
        return value.value();
    }

    private double now(String kpi, String dimension, String group) {
        return value(kpi, dimension, group, WindowKind.NOW, null);
    }
}
