package io.relais.kpi.sla;

import io.relais.calendar.BusinessCalendar;
import io.relais.calendar.SlaPolicy;
import io.relais.contract.sla.CalendarSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * SLA policies and business calendars parsed once per distinct value rather than once per event: the benchmark's
 * profile of kpi-streams spent about a quarter of its CPU re-parsing them (docs/benchmarks.md). Tasks share a
 * handful of policies and calendars; both parsed forms are immutable, so every stream thread may share them. The
 * caches are bounded all the same: past {@value #MAX_ENTRIES} distinct values one starts afresh.
 */
final class ParsedSlaTerms {

    static final int MAX_ENTRIES = 256;

    private static final Map<String, SlaPolicy> POLICIES = new ConcurrentHashMap<>();
    private static final Map<CalendarSpec, BusinessCalendar> CALENDARS = new ConcurrentHashMap<>();

    private ParsedSlaTerms() {
    }

    /** The parsed policy; an unreadable one throws each time, as {@link SlaPolicy#parse} does. */
    static SlaPolicy policy(String text) {
        return cached(POLICIES, text, SlaPolicy::parse);
    }

    /** The business calendar of the contract's spec; an unreadable one throws each time. */
    static BusinessCalendar calendar(CalendarSpec spec) {
        return cached(CALENDARS, spec, s -> new io.relais.calendar.CalendarSpec(s.zone(), s.workingHours(),
                s.holidays(), s.closedDays()).toCalendar());
    }

    private static <K, V> V cached(Map<K, V> cache, K key, Function<K, V> parse) {
        V value = cache.get(key);
        if (value == null) {
            value = parse.apply(key);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(key, value);
        }
        return value;
    }
}
