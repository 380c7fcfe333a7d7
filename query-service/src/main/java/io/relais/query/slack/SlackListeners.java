package io.relais.query.slack;

import io.cloudevents.CloudEvent;
import io.relais.contract.EventType;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.IncidentReported;
import io.relais.contract.task.TaskEscalated;
import io.relais.query.projection.ContractJson;
import io.relais.query.projection.InvalidRecordException;
import java.io.IOException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The urgent events, in their own consumer group (so a Slack outage holds back only Slack): SLA alerts from
 * {@code relais.sla-alerts.v1}, escalations and incidents from {@code relais.tasks.v1}. The owner of an escalated
 * task is read from the task projection, as far as it got; a message never waits for it.
 */
class SlackListeners {

    private final SlackNotifier slack;
    private final SlackProperties properties;
    private final JdbcClient jdbc;

    SlackListeners(SlackNotifier slack, SlackProperties properties, JdbcClient jdbc) {
        this.slack = slack;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = "slack-sla-alerts", groupId = "${spring.kafka.consumer.group-id}-slack",
            topics = "#{T(io.relais.contract.Topics).SLA_ALERTS.name()}",
            containerFactory = SlackConfiguration.ALERT_LISTENER_FACTORY)
    void onAlert(ConsumerRecord<String, SlaAlert> record) {
        SlaAlert alert = record.value();
        if (alert == null || alert.kind() == null || alert.taskId() == null) {
            return;
        }
        slack.post(properties.channelFor(alert.assignedOrganisation(), alert.type()),
                SlackMessages.slaAlert(alert, properties.dashboardUrl()));
    }

    @KafkaListener(id = "slack-task-events", groupId = "${spring.kafka.consumer.group-id}-slack",
            topics = "#{T(io.relais.contract.Topics).TASKS.name()}",
            containerFactory = SlackConfiguration.TASK_LISTENER_FACTORY)
    void onTaskEvent(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        Optional<EventType> type = event == null ? Optional.empty() : EventType.ofCloudEventType(event.getType());
        if (type.isEmpty() || (type.get() != EventType.TASK_ESCALATED && type.get() != EventType.INCIDENT_REPORTED)) {
            return;
        }
        if (type.get() == EventType.TASK_ESCALATED) {
            TaskEscalated escalated = read(event, TaskEscalated.class);
            SlackMessages.Task task = task(escalated.taskId());
            slack.post(properties.channelFor(task.provider(), task.type()), SlackMessages.escalation(task,
                    escalated.escalatedAt(), escalated.escalatedBy(), properties.dashboardUrl()));
        } else {
            IncidentReported incident = read(event, IncidentReported.class);
            SlackMessages.Task task = task(incident.taskId());
            slack.post(properties.channelFor(task.provider(), task.type()), SlackMessages.incident(task,
                    String.valueOf(incident.severity()), String.valueOf(incident.kind()), incident.reportedAt(),
                    properties.dashboardUrl()));
        }
    }

    private SlackMessages.Task task(String taskId) {
        return jdbc.sql("SELECT type, priority, assigned_organisation, assigned_agent FROM task_projection"
                        + " WHERE task_id::text = :id")
                .param("id", taskId)
                .query((row, n) -> new SlackMessages.Task(taskId, row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4)))
                .optional()
                .orElse(new SlackMessages.Task(taskId, null, null, null, null));
    }

    private static <T> T read(CloudEvent event, Class<T> payload) {
        try {
            return ContractJson.mapper().readValue(event.getData().toBytes(), payload);
        } catch (IOException | RuntimeException unreadable) {
            throw new InvalidRecordException(event.getType() + " unreadable: " + unreadable.getMessage(), unreadable);
        }
    }
}
