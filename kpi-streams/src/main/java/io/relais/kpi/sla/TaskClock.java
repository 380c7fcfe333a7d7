package io.relais.kpi.sla;

import io.relais.calendar.BusinessCalendar;
import io.relais.calendar.SlaClock;
import io.relais.calendar.SlaClock.Transition;
import io.relais.calendar.SlaPolicy;
import io.relais.contract.sla.CalendarSpec;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.TaskPriority;
import io.relais.contract.task.TaskRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SLA clock of one open task as the {@value SlaClockTopology#CLOCKS_STORE} store keeps it: what an alert must
 * name, the running/paused steps so far, and which alerts were raised already. Immutable; every change returns a
 * copy. The arithmetic is business-calendar's {@link SlaClock}; the "now" of {@link #evaluate} is always given by
 * the caller (a punctuation or an event instant), never read from a clock.
 *
 * @param steps          running/paused changes in time order, the first the request (running); only changes of
 *                       state are kept
 * @param atRiskAlerted  whether the AT_RISK alert was raised
 * @param breachAlerted  whether the BREACHED alert was raised
 * @param nextAlertAt    the instant of the next alert still to raise given the steps so far, null when none can
 *                       come while the clock stays as it is (paused below the thresholds, or everything raised)
 */
public record TaskClock(String taskId, String type, TaskPriority priority, String processId,
                        String assignedOrganisation, String slaPolicy, CalendarSpec calendar, Instant requestedAt,
                        List<Step> steps, boolean atRiskAlerted, boolean breachAlerted, Instant nextAlertAt) {

    /** From {@code at} on the clock runs ({@code running}) or is paused. */
    public record Step(Instant at, boolean running) {
        public Step {
            Objects.requireNonNull(at, "at");
        }
    }

    /** The clock and the alerts one evaluation raised, in the order to publish them. */
    public record Evaluation(TaskClock clock, List<SlaAlert> alerts) {
    }

    public TaskClock {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(requestedAt, "requestedAt");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a clock starts with its request");
        }
    }

    /**
     * The clock a request starts, running from {@code requestedAt}.
     *
     * @throws IllegalArgumentException when the policy or the calendar cannot be read
     */
    public static TaskClock requested(TaskRequested request) {
        TaskClock clock = new TaskClock(request.taskId(), request.type(), request.priority(), request.processId(),
                null, request.slaPolicy(), request.calendar(), request.requestedAt(),
                List.of(new Step(request.requestedAt(), true)), false, false, null);
        clock.slaClock(SlaClock.DEFAULT_AT_RISK_RATIO); // refuses an unreadable policy or calendar now
        return clock;
    }

    public TaskClock runningFrom(Instant at) {
        return withStep(at, true);
    }

    public TaskClock pausedFrom(Instant at) {
        return withStep(at, false);
    }

    public TaskClock assignedTo(String organisation) {
        return new TaskClock(taskId, type, priority, processId, organisation, slaPolicy, calendar, requestedAt, steps,
                atRiskAlerted, breachAlerted, nextAlertAt);
    }

    public TaskClock reprioritized(TaskPriority to) {
        return new TaskClock(taskId, type, to, processId, assignedOrganisation, slaPolicy, calendar, requestedAt,
                steps, atRiskAlerted, breachAlerted, nextAlertAt);
    }

    /** The instant of the last step: events reporting an earlier instant (clock skew) count from it. */
    public Instant lastStepAt() {
        return steps.get(steps.size() - 1).at();
    }

    public boolean runs() {
        return steps.get(steps.size() - 1).running();
    }

    /**
     * Raises every alert not raised yet whose instant is at or before {@code now} (AT_RISK before BREACHED), marks
     * it raised, and works out the next alert instant. Steps after {@code now} are taken as they are.
     */
    public Evaluation evaluate(Instant now, double atRiskRatio) {
        SlaClock sla = slaClock(atRiskRatio);
        List<Transition> transitions = transitions();
        List<SlaAlert> alerts = new ArrayList<>(2);

        boolean atRisk = atRiskAlerted;
        Optional<Instant> atRiskAt = atRisk ? Optional.empty() : sla.atRiskAt(transitions);
        if (atRiskAt.isPresent() && !atRiskAt.get().isAfter(now)) {
            alerts.add(alert(SlaAlert.Kind.AT_RISK, atRiskAt.get(), now, sla, transitions));
            atRisk = true;
        }
        boolean breach = breachAlerted;
        Optional<Instant> breachAt = breach ? Optional.empty() : sla.breachAt(transitions);
        if (breachAt.isPresent() && !breachAt.get().isAfter(now)) {
            alerts.add(alert(SlaAlert.Kind.BREACHED, breachAt.get(), now, sla, transitions));
            breach = true;
        }
        Instant next = earliest(atRisk ? null : atRiskAt.orElse(null), breach ? null : breachAt.orElse(null));
        TaskClock evaluated = new TaskClock(taskId, type, priority, processId, assignedOrganisation, slaPolicy,
                calendar, requestedAt, steps, atRisk, breach, next);
        return new Evaluation(evaluated, List.copyOf(alerts));
    }

    /** The business-calendar clock of this task: its policy, its calendar, its budget at request time. */
    public SlaClock slaClock(double atRiskRatio) {
        SlaPolicy policy = ParsedSlaTerms.policy(slaPolicy);
        Objects.requireNonNull(calendar, "calendar");
        BusinessCalendar businessCalendar = ParsedSlaTerms.calendar(calendar);
        return SlaClock.of(policy, businessCalendar, requestedAt).withAtRiskRatio(atRiskRatio);
    }

    public List<Transition> transitions() {
        return steps.stream().map(s -> new Transition(s.at(), s.running()
                ? SlaClock.State.RUNNING : SlaClock.State.PAUSED)).toList();
    }

    private TaskClock withStep(Instant at, boolean running) {
        if (runs() == running) {
            return this;
        }
        Instant when = at == null || at.isBefore(lastStepAt()) ? lastStepAt() : at;
        List<Step> more = new ArrayList<>(steps);
        more.add(new Step(when, running));
        return new TaskClock(taskId, type, priority, processId, assignedOrganisation, slaPolicy, calendar, requestedAt,
                more, atRiskAlerted, breachAlerted, nextAlertAt);
    }

    private SlaAlert alert(SlaAlert.Kind kind, Instant crossedAt, Instant now, SlaClock sla,
                           List<Transition> transitions) {
        Duration elapsed = sla.elapsed(transitions, now);
        return new SlaAlert(taskId, kind, type, priority, processId, assignedOrganisation, slaPolicy, requestedAt,
                dueAt(sla, transitions, now), crossedAt, now, elapsed.getSeconds(), sla.budget().getSeconds());
    }

    /** When elapsed reaches the budget; while paused below it, as if the clock ran again from {@code now}. */
    private Instant dueAt(SlaClock sla, List<Transition> transitions, Instant now) {
        SlaClock wholeBudget = sla.withAtRiskRatio(1.0);
        return wholeBudget.atRiskAt(transitions).orElseGet(() -> {
            List<Transition> resumed = new ArrayList<>(transitions);
            resumed.add(Transition.running(now.isBefore(lastStepAt()) ? lastStepAt() : now));
            return wholeBudget.atRiskAt(resumed).orElseThrow();
        });
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
