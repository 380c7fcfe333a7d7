package io.relais.query.task;

/**
 * The board's orderings. Each is a total order: the task id breaks ties, so that a cursor names one position.
 * {@code sqlType} is what a cursor's value is cast back to.
 */
public enum BoardSort {
    /** Newest request first by default. */
    REQUESTED_AT("t.requested_at", "timestamptz", true),
    /** Soonest due first by default; tasks without a due instant last. */
    DUE_AT("COALESCE(" + BoardRepository.DUE + ", 'infinity'::timestamptz)", "timestamptz", false),
    /** Most urgent first by default (CRITICAL, HIGH, NORMAL, LOW). */
    PRIORITY("CASE t.priority WHEN 'CRITICAL' THEN 3 WHEN 'HIGH' THEN 2 WHEN 'NORMAL' THEN 1 ELSE 0 END",
            "integer", true),
    /** In life-cycle order by default (REQUESTED first, CANCELLED last). */
    STATUS("CASE t.status WHEN 'REQUESTED' THEN 0 WHEN 'ASSIGNED' THEN 1 WHEN 'IN_PROGRESS' THEN 2"
            + " WHEN 'ON_HOLD' THEN 3 WHEN 'DONE' THEN 4 WHEN 'APPROVED' THEN 5 ELSE 6 END", "integer", false),
    /** Most recently changed first by default. */
    LAST_EVENT_AT("t.last_event_at", "timestamptz", true);

    final String expression;
    final String sqlType;
    final boolean descendingByDefault;

    BoardSort(String expression, String sqlType, boolean descendingByDefault) {
        this.expression = expression;
        this.sqlType = sqlType;
        this.descendingByDefault = descendingByDefault;
    }
}
