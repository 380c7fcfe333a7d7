package io.relais.query.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One event of a task's history, as the timeline serves it.
 *
 * @param sequence   the event's place in the task's stream, from 0
 * @param type       the CloudEvents type, e.g. {@code relais.task.assigned.v1}
 * @param actor      who caused it; null for events published before actors were recorded
 * @param occurredAt when it happened
 * @param details    the event's data as in the contract (its JSON example), without the task id
 */
public record TimelineEntry(long sequence, String type, String eventId, String actor, List<String> actorRoles,
                            String actorOrganisation, String correlationId, Instant occurredAt, JsonNode details) {
}
