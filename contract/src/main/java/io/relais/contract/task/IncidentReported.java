package io.relais.contract.task;

import io.relais.contract.personal.Personal;
import java.time.Instant;

/** Something went wrong on a task; counted in the incidents KPI by severity. */
public record IncidentReported(String taskId, String incidentId, IncidentKind kind, IncidentSeverity severity,
                               @Personal String description, String reportedBy, Instant reportedAt) {
}
