package io.relais.query.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * {@code GET /api/tasks/{id}}: every field of the task, as in the listing, its SLA verdict as the board shows it
 * (state, due instant, time left), and its timeline, oldest first.
 */
record TaskDetail(@JsonUnwrapped TaskView task, BoardRow.Sla sla, List<TimelineEntry> timeline) {
}
