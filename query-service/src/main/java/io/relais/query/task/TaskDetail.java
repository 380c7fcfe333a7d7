package io.relais.query.task;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** {@code GET /api/tasks/{id}}: every field of the task, as in the listing, and its timeline, oldest first. */
record TaskDetail(@JsonUnwrapped TaskView task, List<TimelineEntry> timeline) {
}
