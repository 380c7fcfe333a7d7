package io.relais.kpi.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudevents.CloudEvent;
import io.relais.calendar.SlaClock;
import io.relais.contract.Topics;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.sla.SlaAlert.Kind;
import io.relais.contract.task.TaskPriority;
import io.relais.kpi.KpiSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SLA clocks against the production builder, wall-clock time driven by the test. Calendar: France default
 * (Mon–Fri 09:00–18:00 Europe/Paris, UTC+1 in March 2026, no holiday in the weeks used). Each timer check advances
 * the driver's wall clock, which fires the punctuator once at the new time.
 */
class SlaClockTopologyTest {

    private static final String APPLICATION_ID = "sla-clock-test";

    /** Friday 13 March 2026, 17:00 Paris. */
    private static final Instant FRIDAY_1700 = Instant.parse("2026-03-13T16:00:00Z");
    /** 80 % of 24 business hours = 19 h 12 min: Fri 1 h + Mon 9 h + Tue 9 h + Wed 09:00–09:12 Paris. */
    private static final Instant WEDNESDAY_0912 = Instant.parse("2026-03-18T08:12:00Z");
    /** 24 business hours: Fri 1 h + Mon 9 h + Tue 9 h + Wed 09:00–14:00 Paris. */
    private static final Instant WEDNESDAY_1400 = Instant.parse("2026-03-18T13:00:00Z");
    private static final long BUDGET_24H = 24 * 3600;
    private static final long AT_RISK_24H = 19 * 3600 + 12 * 60;
    private static final Duration SECOND = Duration.ofSeconds(1);

    private TopologyTestDriver driver;
    private TestInputTopic<String, CloudEvent> tasks;
    private TestOutputTopic<String, SlaAlert> alerts;
    private Instant wallClock;

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
        }
    }

    // --- when alerts come ---------------------------------------------------------------------------------------

    @Test
    void shouldRaiseAtRiskAt80PercentAndBreachAtWednesday1400Exactly_whenA24BusinessHoursTaskRequestedFriday1700StaysOpen() {
        start(FRIDAY_1700);
        TaskEvents task = new TaskEvents("t-1");
        pipe(task, task.requested("BUSINESS_HOURS(24)", FRIDAY_1700));

        assertThat(alertsAt(WEDNESDAY_0912.minus(SECOND))).isEmpty();
        assertThat(alertsAt(WEDNESDAY_0912)).containsExactly(new TestRecord<>("t-1",
                alert("t-1", Kind.AT_RISK, WEDNESDAY_0912, WEDNESDAY_0912, AT_RISK_24H, WEDNESDAY_1400),
                WEDNESDAY_0912));
        assertThat(alertsAt(WEDNESDAY_1400.minus(SECOND))).isEmpty();
        assertThat(alertsAt(WEDNESDAY_1400)).containsExactly(new TestRecord<>("t-1",
                alert("t-1", Kind.BREACHED, WEDNESDAY_1400, WEDNESDAY_1400, BUDGET_24H, WEDNESDAY_1400),
                WEDNESDAY_1400));
        assertThat(alertsAt(WEDNESDAY_1400.plus(SECOND))).isEmpty();
        assertThat(alertsAt(WEDNESDAY_1400.plus(Duration.ofDays(30)))).isEmpty();
    }

    @Test
    void shouldRaiseNothingNew_whenTheTimerRunsAgainAfterEachAlert() {
        start(FRIDAY_1700);
        TaskEvents task = new TaskEvents("t-1");
        pipe(task, task.requested("BUSINESS_HOURS(24)", FRIDAY_1700));

        assertThat(alertsAt(WEDNESDAY_0912)).hasSize(1);
        for (int i = 1; i <= 5; i++) {
            assertThat(alertsAt(WEDNESDAY_0912.plusSeconds(i))).as("punctuation %d after the at-risk one", i).isEmpty();
        }
        assertThat(alertsAt(WEDNESDAY_1400)).hasSize(1);
        for (int i = 1; i <= 5; i++) {
            assertThat(alertsAt(WEDNESDAY_1400.plusSeconds(i))).as("punctuation %d after the breach", i).isEmpty();
        }
    }

    @Test
    void shouldRaiseBothAlertsAtTheFirstTimer_whenTheyFellDueWhileNoTimerRan() {
        start(FRIDAY_1700);
        TaskEvents task = new TaskEvents("t-1");
        pipe(task, task.requested("BUSINESS_HOURS(24)", FRIDAY_1700));
        Instant thursday1100 = Instant.parse("2026-03-19T10:00:00Z");
        long elapsed = BUDGET_24H + 4 * 3600 + 2 * 3600; // Wed 14:00–18:00, Thu 09:00–11:00

        assertThat(alertsAt(thursday1100)).containsExactly(
                new TestRecord<>("t-1", alert("t-1", Kind.AT_RISK, WEDNESDAY_0912, thursday1100, elapsed,
                        WEDNESDAY_1400), thursday1100),
                new TestRecord<>("t-1", alert("t-1", Kind.BREACHED, WEDNESDAY_1400, thursday1100, elapsed,
                        WEDNESDAY_1400), thursday1100));
        assertThat(alertsAt(thursday1100.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void shouldBreachWhenWorkingTimeResumes_whenABusinessDaysBudgetIsUsedUpAtTheEndOfADay() {
        start(FRIDAY_1700);
        TaskEvents task = new TaskEvents("t-1");
        Instant monday1000 = Instant.parse("2026-03-16T09:00:00Z");
        Instant wednesday1800 = Instant.parse("2026-03-18T17:00:00Z");
        Instant thursday0900 = Instant.parse("2026-03-19T08:00:00Z");
        long budget = 26 * 3600; // J+2 from Monday 10:00: Mon 8 h + Tue 9 h + Wed 9 h
        advanceTo(monday1000);
        pipe(task, task.requested("BUSINESS_DAYS(2)", monday1000));

        assertThat(alertsAt(wednesday1800)).extracting(TestRecord::value).extracting(SlaAlert::kind)
                .containsExactly(Kind.AT_RISK);
        assertThat(alertsAt(thursday0900.minus(SECOND))).as("used up, not exceeded, overnight").isEmpty();
        assertThat(alertsAt(thursday0900)).containsExactly(new TestRecord<>("t-1", new SlaAlert("t-1",
                Kind.BREACHED, TaskEvents.TYPE, TaskPriority.NORMAL, null, null, "BUSINESS_DAYS(2)", monday1000,
                wednesday1800, thursday0900, thursday0900, budget, budget), thursday0900));
    }

    @Test
    void shouldCountEverySecond_whenThePolicyIsInCalendarHours() {
        start(FRIDAY_1700);
        TaskEvents task = new TaskEvents("t-1");
        pipe(task, task.requested("CALENDAR_HOURS(48)", FRIDAY_1700));
        Instant sunday1700 = Instant.parse("2026-03-15T16:00:00Z");
        Instant sunday0724 = Instant.parse("2026-03-15T06:24:00Z"); // 38 h 24 min later

        assertThat(alertsAt(sunday0724.minus(SECOND))).isEmpty();
        assertThat(alertsAt(sunday0724)).extracting(TestRecord::value).extracting(SlaAlert::kind, SlaAlert::crossedAt,
                SlaAlert::elapsedSeconds, SlaAlert::budgetSeconds)
                .containsExactly(tuple(Kind.AT_RISK, sunday0724, 38 * 3600L + 24 * 60,
                        48 * 3600L));
        assertThat(alertsAt(sunday1700.minus(SECOND))).isEmpty();
        assertThat(alertsAt(sunday1700)).extracting(TestRecord::value).extracting(SlaAlert::kind, SlaAlert::crossedAt)
                .containsExactly(tuple(Kind.BREACHED, sunday1700));
    }

    @Test
    void shouldRaiseAtRiskAtTheConfiguredShare_whenTheRatioIsNotTheDefault() {
        start(FRIDAY_1700, new SlaClockTopology(SECOND, 0.5));
        TaskEvents task = new TaskEvents("t-1");
        pipe(task, task.requested("BUSINESS_HOURS(24)", FRIDAY_1700));
        Instant tuesday1100 = Instant.parse("2026-03-17T10:00:00Z"); // 12 h: Fri 1 h + Mon 9 h + Tue 2 h

        assertThat(alertsAt(tuesday1100.minus(SECOND))).isEmpty();
        assertThat(alertsAt(tuesday1100)).containsExactly(new TestRecord<>("t-1",
                alert("t-1", Kind.AT_RISK, tuesday1100, tuesday1100, 12 * 3600, WEDNESDAY_1400), tuesday1100));
    }

    // --- pauses, rework, stops ----------------------------------------------------------------------------------

    @Test
    void shouldMoveTheBreachLaterByTheHeldBusinessTime_whenTheTaskIsPutOnHoldAndResumed() {
        start(FRIDAY_1700);
        TaskEvents task = new TaskEvents("t-1");
        pipe(task, task.requested("BUSINESS_HOURS(24)", FRIDAY_1700));
        Instant monday1000 = Instant.parse("2026-03-16T09:00:00Z");
        Instant monday1500 = Instant.parse("2026-03-16T14:00:00Z");
        // 5 business hours held: at risk Wed 14:12, breached Thu 10:00 Paris
        Instant wednesday1412 = Instant.parse("2026-03-18T13:12:00Z");
        Instant thursday1000 = Instant.parse("2026-03-19T09:00:00Z");

        advanceTo(monday1000);
        pipe(task, task.putOnHold(monday1000));
        assertThat(alertsAt(monday1500)).isEmpty();
        pipe(task, task.resumed(monday1500));

        assertThat(alertsAt(WEDNESDAY_1400)).as("the unpaused breach instant has moved").isEmpty();
        assertThat(alertsAt(wednesday1412.minus(SECOND))).isEmpty();
        assertThat(alertsAt(wednesday1412)).containsExactly(new TestRecord<>("t-1",
                alert("t-1", Kind.AT_RISK, wednesday1412, wednesday1412, AT_RISK_24H, thursday1000), wednesday1412));
        assertThat(alertsAt(thursday1000.minus(SECOND))).isEmpty();
        assertThat(alertsAt(thursday1000)).containsExactly(new TestRecord<>("t-1",
                alert("t-1", Kind.BREACHED, thursday1000, thursday1000, BUDGET_24H, thursday1000), thursday1000));
    }

    @Test
    void shouldPauseWhileDone_andRunAgainFromTheRework_whenTheResultIsSentBack() {
        start(FRIDAY_1700);
        TaskEvents task = new TaskEvents("t-1");
        pipe(task, task.requested("BUSINESS_HOURS(24)", FRIDAY_1700));
        pipe(task, task.assigned("backoffice-pro", Instant.parse("2026-03-16T08:00:00Z")));
        pipe(task, task.started(Instant.parse("2026-03-16T08:30:00Z")));
        Instant monday1200 = Instant.parse("2026-03-16T11:00:00Z"); // 4 h used: Fri 1 h + Mon 09:00–12:00
        advanceTo(monday1200);
        pipe(task, task.completed(monday1200));

        assertThat(alertsAt(WEDNESDAY_1400.plus(Duration.ofDays(2)))).as("no alert while awaiting approval")
                .isEmpty();

        Instant nextMonday0900 = Instant.parse("2026-03-23T08:00:00Z");
        Instant tuesday1512 = Instant.parse("2026-03-24T14:12:00Z"); // 4 h + Mon 9 h + Tue 6 h 12
        Instant wednesday1100 = Instant.parse("2026-03-25T10:00:00Z"); // 4 h + 9 h + 9 h + Wed 2 h
        advanceTo(nextMonday0900);
        pipe(task, task.reworkRequested(nextMonday0900));

        assertThat(alertsAt(tuesday1512.minus(SECOND))).isEmpty();
        assertThat(alertsAt(tuesday1512)).extracting(TestRecord::value).containsExactly(
                assignedTo(alert("t-1", Kind.AT_RISK, tuesday1512, tuesday1512, AT_RISK_24H, wednesday1100),
                        "backoffice-pro"));
        assertThat(alertsAt(wednesday1100.minus(SECOND))).isEmpty();
        assertThat(alertsAt(wednesday1100)).extracting(TestRecord::value).containsExactly(
                assignedTo(alert("t-1", Kind.BREACHED, wednesday1100, wednesday1100, BUDGET_24H, wednesday1100),
                        "backoffice-pro"));

        Instant wednesday1130 = wednesday1100.plus(Duration.ofMinutes(30));
        advanceTo(wednesday1130);
        pipe(task, task.completed(wednesday1130));
        assertThat(alerts.isEmpty()).as("completed late again: the breach was raised once already").isTrue();
    }

    @Test
    void shouldStopTheClock_whenTheTaskIsApproved() {
        start(FRIDAY_1700);
        TaskEvents task = new TaskEvents("t-1");
        pipe(task, task.requested("BUSINESS_HOURS(24)", FRIDAY_1700));
        pipe(task, task.completed(Instant.parse("2026-03-16T11:00:00Z")));
        pipe(task, task.approved(Instant.parse("2026-03-16T14:00:00Z")));

        assertThat(clocks().get("t-1")).isNull();
        assertThat(deadlines()).isEmpty();
        assertThat(alertsAt(WEDNESDAY_1400.plus(Duration.ofDays(60)))).isEmpty();
        pipe(task, task.reworkRequested(Instant.parse("2026-03-17T08:00:00Z")));
        assertThat(alertsAt(WEDNESDAY_1400.plus(Duration.ofDays(90)))).as("nothing restarts a stopped clock").isEmpty();
    }

    @Test
    void shouldStopTheClock_whenTheTaskIsCancelledWhileRunning() {
        start(FRIDAY_1700);
        TaskEvents task = new TaskEvents("t-1");
        pipe(task, task.requested("BUSINESS_HOURS(24)", FRIDAY_1700));
        Instant tuesday1100 = Instant.parse("2026-03-17T10:00:00Z");
        advanceTo(tuesday1100);
        pipe(task, task.cancelled(tuesday1100));

        assertThat(clocks().get("t-1")).isNull();
        assertThat(deadlines()).isEmpty();
        assertThat(alertsAt(WEDNESDAY_0912)).isEmpty();
        assertThat(alertsAt(WEDNESDAY_1400.plus(Duration.ofDays(60)))).isEmpty();
    }

    @Test
    void shouldRaiseTheBreachAtCompletion_whenATaskIsCompletedAfterItsDueInstantAndNoTimerRan() {
        start(FRIDAY_1700);
        TaskEvents task = new TaskEvents("t-1");
        pipe(task, task.requested("BUSINESS_HOURS(24)", FRIDAY_1700));
        Instant thursday1100 = Instant.parse("2026-03-19T10:00:00Z");
        long elapsed = BUDGET_24H + 4 * 3600 + 2 * 3600; // + Wed 14:00–18:00 + Thu 09:00–11:00

        pipe(task, task.completed(thursday1100)); // the wall clock is still Friday: no punctuation since the request

        assertThat(alerts.readRecordsToList()).containsExactly(
                new TestRecord<>("t-1", alert("t-1", Kind.AT_RISK, WEDNESDAY_0912, thursday1100, elapsed,
                        WEDNESDAY_1400), thursday1100),
                new TestRecord<>("t-1", alert("t-1", Kind.BREACHED, WEDNESDAY_1400, thursday1100, elapsed,
                        WEDNESDAY_1400), thursday1100));
        assertThat(alertsAt(thursday1100.plus(Duration.ofDays(7)))).isEmpty();
    }

    @Test
    void shouldNotBreach_whenTheTaskIsCompletedExactlyWhenItsBudgetIsUsedUp() {
        start(FRIDAY_1700);
        TaskEvents task = new TaskEvents("t-1");
        pipe(task, task.requested("BUSINESS_HOURS(24)", FRIDAY_1700));

        pipe(task, task.completed(WEDNESDAY_1400));

        assertThat(alerts.readValuesToList()).extracting(SlaAlert::kind).containsExactly(Kind.AT_RISK);
        assertThat(alertsAt(WEDNESDAY_1400.plus(Duration.ofDays(7)))).isEmpty();
    }

    @Test
    void shouldChangeNothing_whenEventsAreRedelivered() {
        start(FRIDAY_1700);
        TaskEvents task = new TaskEvents("t-1");
        Instant monday1000 = Instant.parse("2026-03-16T09:00:00Z");
        Instant monday1500 = Instant.parse("2026-03-16T14:00:00Z");
        CloudEvent request = task.requested("BUSINESS_HOURS(24)", FRIDAY_1700);
        CloudEvent hold = task.putOnHold(monday1000);
        CloudEvent resume = task.resumed(monday1500);

        pipe(task, request);
        pipe(task, request);
        advanceTo(monday1000);
        pipe(task, hold);
        pipe(task, request);
        pipe(task, hold);
        advanceTo(monday1500);
        pipe(task, resume);
        pipe(task, hold); // applied again, it would pause the clock for good
        pipe(task, request);
        pipe(task, resume);

        assertThat(clocks().get("t-1").steps()).extracting(TaskClock.Step::running).containsExactly(true, false, true);
        assertThat(alertsAt(Instant.parse("2026-03-19T09:00:00Z"))).extracting(TestRecord::value)
                .extracting(SlaAlert::kind, SlaAlert::crossedAt).containsExactly(
                        tuple(Kind.AT_RISK, Instant.parse("2026-03-18T13:12:00Z")),
                        tuple(Kind.BREACHED, Instant.parse("2026-03-19T09:00:00Z")));
    }

    // --- what an alert names ------------------------------------------------------------------------------------

    @Test
    void shouldNameTheProviderAndTheCurrentPriority_whenTheTaskWasAssignedAndReprioritized() {
        start(FRIDAY_1700);
        TaskEvents task = new TaskEvents("t-1");
        String processId = "b2d7a1c4-5e6f-4a8b-9c0d-1e2f3a4b5c6d";
        pipe(task, task.requested("BUSINESS_HOURS(24)", TaskPriority.NORMAL, processId, FRIDAY_1700));
        pipe(task, task.assigned("backoffice-pro", Instant.parse("2026-03-16T08:00:00Z")));
        pipe(task, task.reprioritized(TaskPriority.NORMAL, TaskPriority.CRITICAL,
                Instant.parse("2026-03-16T10:00:00Z")));

        assertThat(alertsAt(WEDNESDAY_0912)).extracting(TestRecord::value).containsExactly(new SlaAlert("t-1",
                Kind.AT_RISK, TaskEvents.TYPE, TaskPriority.CRITICAL, processId, "backoffice-pro",
                "BUSINESS_HOURS(24)", FRIDAY_1700, WEDNESDAY_1400, WEDNESDAY_0912, WEDNESDAY_0912, AT_RISK_24H,
                BUDGET_24H));
    }

    @Test
    void shouldKeepEachTaskOnItsOwnClock_whenSeveralTasksRun() {
        start(FRIDAY_1700);
        TaskEvents first = new TaskEvents("t-1");
        TaskEvents second = new TaskEvents("t-2");
        pipe(first, first.requested("BUSINESS_HOURS(24)", FRIDAY_1700));
        pipe(second, second.requested("BUSINESS_HOURS(8)", FRIDAY_1700)); // Fri 1 h + Mon 7 h: Mon 16:00 Paris
        Instant monday1600 = Instant.parse("2026-03-16T15:00:00Z");

        assertThat(alertsAt(monday1600)).extracting(TestRecord::key, r -> r.value().kind()).containsExactly(
                tuple("t-2", Kind.AT_RISK),
                tuple("t-2", Kind.BREACHED));
        assertThat(alertsAt(WEDNESDAY_1400)).extracting(TestRecord::key, r -> r.value().kind()).containsExactly(
                tuple("t-1", Kind.AT_RISK),
                tuple("t-1", Kind.BREACHED));
    }

    @Test
    void shouldSkipTheTaskAndGoOn_whenItsPolicyIsUnknownOrItsRequestUndecodable() {
        start(FRIDAY_1700);
        TaskEvents unknownPolicy = new TaskEvents("t-1");
        TaskEvents undecodable = new TaskEvents("t-2");
        TaskEvents fine = new TaskEvents("t-3");
        pipe(unknownPolicy, unknownPolicy.requested("WHENEVER(3)", FRIDAY_1700));
        pipe(undecodable, undecodable.raw("relais.task.requested.v1", "not json".getBytes(StandardCharsets.UTF_8),
                FRIDAY_1700));
        pipe(unknownPolicy, unknownPolicy.putOnHold(FRIDAY_1700.plusSeconds(60)));
        pipe(fine, fine.requested("BUSINESS_HOURS(24)", FRIDAY_1700));

        assertThat(clocks().get("t-1")).isNull();
        assertThat(clocks().get("t-2")).isNull();
        assertThat(alertsAt(WEDNESDAY_1400)).extracting(TestRecord::key).containsExactly("t-3", "t-3");
    }

    // --- state and restarts -------------------------------------------------------------------------------------

    @Test
    void shouldKeepTheClockAndWhatWasAlertedInTheStore_whenAlertsAreRaised() {
        start(FRIDAY_1700);
        TaskEvents task = new TaskEvents("t-1");
        pipe(task, task.requested("BUSINESS_HOURS(24)", FRIDAY_1700));

        TaskClock requested = clocks().get("t-1");
        assertThat(requested.steps()).containsExactly(new TaskClock.Step(FRIDAY_1700, true));
        assertThat(requested.atRiskAlerted()).isFalse();
        assertThat(requested.breachAlerted()).isFalse();
        assertThat(requested.nextAlertAt()).isEqualTo(WEDNESDAY_0912);
        assertThat(deadlines()).containsExactly(
                KeyValue.pair(SlaClockProcessor.indexKey(WEDNESDAY_0912, "t-1"), "t-1"));

        alertsAt(WEDNESDAY_0912);
        TaskClock atRisk = clocks().get("t-1");
        assertThat(atRisk.atRiskAlerted()).isTrue();
        assertThat(atRisk.breachAlerted()).isFalse();
        assertThat(atRisk.nextAlertAt()).isEqualTo(WEDNESDAY_1400);
        assertThat(deadlines()).containsExactly(
                KeyValue.pair(SlaClockProcessor.indexKey(WEDNESDAY_1400, "t-1"), "t-1"));

        alertsAt(WEDNESDAY_1400);
        TaskClock breached = clocks().get("t-1");
        assertThat(breached.atRiskAlerted()).isTrue();
        assertThat(breached.breachAlerted()).isTrue();
        assertThat(breached.nextAlertAt()).isNull();
        assertThat(deadlines()).isEmpty();
    }

    @Test
    void shouldKeepNoTimer_whileTheClockIsPausedBelowItsThresholds() {
        start(FRIDAY_1700);
        TaskEvents task = new TaskEvents("t-1");
        pipe(task, task.requested("BUSINESS_HOURS(24)", FRIDAY_1700));
        pipe(task, task.putOnHold(Instant.parse("2026-03-16T09:00:00Z")));

        assertThat(clocks().get("t-1").nextAlertAt()).isNull();
        assertThat(deadlines()).isEmpty();
    }

    @Test
    void shouldRaiseOnlyWhatWasNotRaisedYet_whenRestartedFromTheChangelogsAfterDowntime() {
        start(FRIDAY_1700);
        TaskEvents task = new TaskEvents("t-1");
        CloudEvent request = task.requested("BUSINESS_HOURS(24)", FRIDAY_1700);
        pipe(task, request);
        assertThat(alertsAt(WEDNESDAY_0912)).extracting(r -> r.value().kind()).containsExactly(Kind.AT_RISK);
        Map<String, Map<String, byte[]>> changelogs = new LinkedHashMap<>();
        for (String store : List.of(SlaClockTopology.SEEN_SEQUENCES_STORE, SlaClockTopology.CLOCKS_STORE,
                SlaClockTopology.DEADLINES_STORE)) {
            changelogs.put(store, latestPerKey(APPLICATION_ID + "-" + store + "-changelog"));
        }
        driver.close();

        // back on Thursday: the stores are restored from their changelogs, the breach fell due meanwhile
        Instant thursday1100 = Instant.parse("2026-03-19T10:00:00Z");
        start(thursday1100);
        restore(changelogs);
        assertThat(clocks().get("t-1").atRiskAlerted()).isTrue();
        Instant firstTimer = thursday1100.plus(SECOND);

        assertThat(alertsAt(firstTimer)).containsExactly(new TestRecord<>("t-1", alert("t-1", Kind.BREACHED,
                WEDNESDAY_1400, firstTimer, BUDGET_24H + 6 * 3600 + 1, WEDNESDAY_1400), firstTimer));
        pipe(task, request); // a relay re-publishing from the start
        assertThat(alertsAt(firstTimer.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(clocks().get("t-1").steps()).hasSize(1);
    }

    @Test
    void shouldRefuseARatioOutsideZeroToOne_orANonPositiveInterval() {
        assertThatThrownBy(() -> new SlaClockTopology(SECOND, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaClockTopology(SECOND, 1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaClockTopology(Duration.ZERO, 0.8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SlaClock.DEFAULT_AT_RISK_RATIO).isEqualTo(0.8);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private void start(Instant wallClock) {
        start(wallClock, new SlaClockTopology());
    }

    private void start(Instant wallClock, SlaClockTopology topology) {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        this.wallClock = wallClock;
        driver = new TopologyTestDriver(topology.build(new StreamsBuilder()), settings, wallClock);
        tasks = driver.createInputTopic(Topics.TASKS.name(), KpiSerdes.KEY.serializer(),
                KpiSerdes.CLOUD_EVENT.serializer());
        alerts = driver.createOutputTopic(Topics.SLA_ALERTS.name(), KpiSerdes.KEY.deserializer(),
                KpiSerdes.SLA_ALERT.deserializer());
    }

    private void pipe(TaskEvents task, CloudEvent event) {
        tasks.pipeInput(task.taskId(), event);
    }

    private void advanceTo(Instant instant) {
        assertThat(instant).as("wall clock moves forward").isAfterOrEqualTo(wallClock);
        driver.advanceWallClockTime(Duration.between(wallClock, instant));
        wallClock = instant;
    }

    /** Moves the wall clock to {@code instant} (one punctuation) and returns what was raised meanwhile. */
    private List<TestRecord<String, SlaAlert>> alertsAt(Instant instant) {
        advanceTo(instant);
        return alerts.readRecordsToList();
    }

    private KeyValueStore<String, TaskClock> clocks() {
        return driver.getKeyValueStore(SlaClockTopology.CLOCKS_STORE);
    }

    private List<KeyValue<String, String>> deadlines() {
        KeyValueStore<String, String> store = driver.getKeyValueStore(SlaClockTopology.DEADLINES_STORE);
        List<KeyValue<String, String>> entries = new ArrayList<>();
        try (var all = store.all()) {
            all.forEachRemaining(entries::add);
        }
        return entries;
    }

    private Map<String, byte[]> latestPerKey(String changelog) {
        Deserializer<byte[]> bytes = Serdes.ByteArray().deserializer();
        Map<String, byte[]> latest = new LinkedHashMap<>();
        driver.createOutputTopic(changelog, KpiSerdes.KEY.deserializer(), bytes).readKeyValuesToList()
                .forEach(record -> latest.put(record.key, record.value));
        return latest;
    }

    private void restore(Map<String, Map<String, byte[]>> changelogs) {
        KeyValueStore<String, Long> seen = driver.getKeyValueStore(SlaClockTopology.SEEN_SEQUENCES_STORE);
        changelogs.get(SlaClockTopology.SEEN_SEQUENCES_STORE).forEach((key, value) ->
                seen.put(key, value == null ? null : Serdes.Long().deserializer().deserialize("x", value)));
        changelogs.get(SlaClockTopology.CLOCKS_STORE).forEach((key, value) ->
                clocks().put(key, SlaClockTopology.TASK_CLOCK.deserializer().deserialize("x", value)));
        KeyValueStore<String, String> deadlines = driver.getKeyValueStore(SlaClockTopology.DEADLINES_STORE);
        changelogs.get(SlaClockTopology.DEADLINES_STORE).forEach((key, value) ->
                deadlines.put(key, value == null ? null : Serdes.String().deserializer().deserialize("x", value)));
    }

    private static SlaAlert assignedTo(SlaAlert a, String organisation) {
        return new SlaAlert(a.taskId(), a.kind(), a.type(), a.priority(), a.processId(), organisation, a.slaPolicy(),
                a.requestedAt(), a.dueAt(), a.crossedAt(), a.detectedAt(), a.elapsedSeconds(), a.budgetSeconds());
    }

    private static SlaAlert alert(String taskId, Kind kind, Instant crossedAt, Instant detectedAt, long elapsedSeconds,
                                  Instant dueAt) {
        return new SlaAlert(taskId, kind, TaskEvents.TYPE, TaskPriority.NORMAL, null, null, "BUSINESS_HOURS(24)",
                FRIDAY_1700, dueAt, crossedAt, detectedAt, elapsedSeconds, BUDGET_24H);
    }
}
