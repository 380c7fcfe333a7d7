package io.relais.command.process;

import io.relais.calendar.SlaPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.axonframework.deadline.DeadlineManager;

/**
 * Recurring procedures ("Relances : chaque lundi 09:00", an SLA policy {@code WEEKLY(...)}): one persistent
 * deadline per procedure for its next occurrence, kept by the deadline manager in PostgreSQL (db-scheduler),
 * so a restart neither loses nor repeats one.
 */
final class Occurrences {

    static final String DEADLINE = "process-occurrence";
    /** Fired later than this after its time, an occurrence counts as missed (and caught up). */
    static final Duration LATE_AFTER = Duration.ofMinutes(5);

    /** The deadline's payload: which occurrence, and the zone the next one is computed in. */
    record Due(Instant occurrenceAt, String zone) {
    }

    private Occurrences() {
    }

    static void scheduleNext(DeadlineManager deadlines, String slaPolicy, ZoneId zone, Instant after) {
        if (SlaPolicy.parse(slaPolicy) instanceof SlaPolicy.Schedule schedule) {
            Instant next = schedule.nextOccurrenceAfter(after, zone);
            deadlines.schedule(next, DEADLINE, new Due(next, zone.getId()));
        }
    }

    static void scheduleNext(DeadlineManager deadlines, String slaPolicy, String zone, Instant after) {
        scheduleNext(deadlines, slaPolicy, ZoneId.of(zone), after);
    }

    static void cancelAll(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(DEADLINE);
    }

    /** The same procedure and occurrence always give the same task id: an occurrence opens one task. */
    static String taskId(String processId, Instant occurrenceAt) {
        return UUID.nameUUIDFromBytes((processId + "@" + occurrenceAt).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static boolean isLate(Due due, Instant firedAt) {
        return firedAt.isAfter(due.occurrenceAt().plus(LATE_AFTER));
    }
}
