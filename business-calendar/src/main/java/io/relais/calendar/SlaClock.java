package io.relais.calendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SLA clock of one task (BRIEF §3), as pure functions of its running/paused transitions.
 *
 * <p>The clock is paused until the first {@link State#RUNNING} transition (normally at {@code requestedAt});
 * it runs while REQUESTED, ASSIGNED or IN_PROGRESS and pauses while ON_HOLD or DONE awaiting approval. Repeated
 * transitions to the same state change nothing. Elapsed time is counted in the policy's measure.
 *
 * <p><b>Breach</b>: elapsed &gt; budget. {@link #breachAt} is the instant from which that holds (at every later
 * running instant elapsed exceeds the budget), so a breach timer is set for it, and a reading at or after it says
 * BREACHED. For business policies it is when working time resumes once the budget is used up: a J+2 task due
 * Wednesday 18:00 and still open is breached from Thursday 09:00; one finished Wednesday 19:00 is not.
 * <b>At risk</b>: elapsed &ge; ratio × budget (default 80 %).
 *
 * @param budget        the budget of this task, {@link SlaPolicy#budget(Instant, BusinessCalendar)} at request time
 * @param atRiskRatio   in (0, 1]
 */
public record SlaClock(SlaPolicy policy, BusinessCalendar calendar, Duration budget, double atRiskRatio) {

    public static final double DEFAULT_AT_RISK_RATIO = 0.8;

    public enum State { RUNNING, PAUSED }

    public enum Status { ON_TRACK, AT_RISK, BREACHED }

    public record Transition(Instant at, State state) {
        public Transition {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(state, "state");
        }

        public static Transition running(Instant at) {
            return new Transition(at, State.RUNNING);
        }

        public static Transition paused(Instant at) {
            return new Transition(at, State.PAUSED);
        }
    }

    /** The clock's figures at one instant; {@code remaining} is negative once breached. */
    public record Reading(Duration elapsed, Duration budget, Status status) {
        public Duration remaining() {
            return budget.minus(elapsed);
        }
    }

    public SlaClock {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative()) {
            throw new IllegalArgumentException("budget must be >= 0, was " + budget);
        }
        if (!(atRiskRatio > 0 && atRiskRatio <= 1)) {
            throw new IllegalArgumentException("at-risk ratio must be in (0, 1], was " + atRiskRatio);
        }
    }

    /** The clock of a task requested at {@code requestedAt}, at-risk ratio 80 %. */
    public static SlaClock of(SlaPolicy policy, BusinessCalendar calendar, Instant requestedAt) {
        return new SlaClock(policy, calendar, policy.budget(requestedAt, calendar), DEFAULT_AT_RISK_RATIO);
    }

    public SlaClock withAtRiskRatio(double ratio) {
        return new SlaClock(policy, calendar, budget, ratio);
    }

    /** Elapsed SLA time at {@code now}; transitions after {@code now} are ignored. */
    public Duration elapsed(List<Transition> transitions, Instant now) {
        Duration total = Duration.ZERO;
        for (Segment s : segments(transitions, now)) {
            total = total.plus(policy.measure().between(s.start, s.end == null ? now : s.end, calendar));
        }
        return total;
    }

    public Reading read(List<Transition> transitions, Instant now) {
        Duration elapsed = elapsed(transitions, now);
        Optional<Instant> breach = breachAt(upTo(transitions, now));
        Status status = breach.isPresent() && !now.isBefore(breach.get()) ? Status.BREACHED
                : elapsed.compareTo(atRiskThreshold()) >= 0 ? Status.AT_RISK
                : Status.ON_TRACK;
        return new Reading(elapsed, budget, status);
    }

    /**
     * From when elapsed exceeds the budget, assuming the last state lasts; empty while paused within budget.
     * May lie in the past (a task completed late).
     */
    public Optional<Instant> breachAt(List<Transition> transitions) {
        return crossing(transitions, budget, true);
    }

    /** When elapsed reaches the at-risk threshold, assuming the last state lasts; empty while paused below it. */
    public Optional<Instant> atRiskAt(List<Transition> transitions) {
        return crossing(transitions, atRiskThreshold(), false);
    }

    /** ratio × budget, rounded up to the nanosecond so that "at risk" never comes early. */
    public Duration atRiskThreshold() {
        BigDecimal nanos = new BigDecimal(budget.getSeconds()).movePointRight(9).add(BigDecimal.valueOf(budget.getNano()));
        BigDecimal threshold = nanos.multiply(BigDecimal.valueOf(atRiskRatio)).setScale(0, RoundingMode.CEILING);
        BigDecimal[] secondsAndNanos = threshold.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
        return Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
    }

    /**
     * The first instant where elapsed reaches {@code amount} ({@code strictly}: from which it exceeds it).
     * For working time, "exceeds" starts when working time resumes after the amount is used up.
     */
    private Optional<Instant> crossing(List<Transition> transitions, Duration amount, boolean strictly) {
        Duration used = Duration.ZERO;
        for (Segment s : segments(transitions, null)) {
            Instant reached = policy.measure().plus(s.start, amount.minus(used), calendar);
            Instant at = strictly && policy.measure() == SlaPolicy.Measure.BUSINESS_TIME
                    ? calendar.nextWorkingInstant(reached) : reached;
            boolean within = s.end == null || (strictly ? at.isBefore(s.end) : !at.isAfter(s.end));
            if (within) {
                return Optional.of(at);
            }
            used = used.plus(policy.measure().between(s.start, s.end, calendar));
        }
        return Optional.empty();
    }

    /** A running stretch {@code [start, end)}; {@code end == null} while still running. */
    private record Segment(Instant start, Instant end) {
    }

    private static List<Segment> segments(List<Transition> transitions, Instant now) {
        List<Segment> segments = new ArrayList<>();
        Instant runningSince = null;
        Instant previous = null;
        for (Transition t : transitions) {
            if (previous != null && t.at.isBefore(previous)) {
                throw new IllegalArgumentException("transitions out of order: " + t.at + " after " + previous);
            }
            previous = t.at;
            if (now != null && t.at.isAfter(now)) {
                break;
            }
            if (t.state == State.RUNNING && runningSince == null) {
                runningSince = t.at;
            } else if (t.state == State.PAUSED && runningSince != null) {
                segments.add(new Segment(runningSince, t.at));
                runningSince = null;
            }
        }
        if (runningSince != null) {
            segments.add(new Segment(runningSince, null));
        }
        return segments;
    }

    private static List<Transition> upTo(List<Transition> transitions, Instant now) {
        return transitions.stream().filter(t -> !t.at.isAfter(now)).toList();
    }
}
