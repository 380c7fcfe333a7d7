package io.relais.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Test shorthand: local wall-clock times to instants. */
final class Paris {

    private Paris() {
    }

    /** {@code "2026-01-09T17:00"} in Europe/Paris (the earlier offset in an overlap). */
    static Instant at(String localDateTime) {
        return in(BusinessCalendar.PARIS, localDateTime);
    }

    static Instant in(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}
