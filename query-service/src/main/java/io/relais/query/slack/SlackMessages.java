package io.relais.query.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.contract.sla.SlaAlert;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Slack messages (Block Kit: a header, the facts as fields, a button to the dashboard, and a plain {@code text} for
 * notifications). They carry no personal data: no title, reason or description, only the task's type, id, priority,
 * SLA and owner; the link leads to Relais, where the reader's own rights apply.
 */
final class SlackMessages {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    private SlackMessages() {
    }

    /** What the message is about, as the blocks show it. */
    record Task(String taskId, String type, String priority, String provider, String agent) {
    }

    static ObjectNode slaAlert(SlaAlert alert, URI dashboard) {
        boolean breached = alert.kind() == SlaAlert.Kind.BREACHED;
        String headline = breached ? "🔴 SLA dépassé" : "🟠 SLA à risque";
        Task task = new Task(alert.taskId(), alert.type(), alert.priority() == null ? null : alert.priority().name(),
                alert.assignedOrganisation(), null);
        String sla = alert.slaPolicy() + (alert.dueAt() == null ? "" : ", échéance " + WHEN.format(alert.dueAt()))
                + " — " + percent(alert.elapsedSeconds(), alert.budgetSeconds()) + " du budget consommé";
        return message(headline, task, "SLA", sla, dashboard);
    }

    static ObjectNode escalation(Task task, Instant at, String by, URI dashboard) {
        return message("🚨 Escalade", task, "Escaladée", WHEN.format(at) + (by == null ? "" : " par " + by), dashboard);
    }

    static ObjectNode incident(Task task, String severity, String kind, Instant at, URI dashboard) {
        return message("⚠️ Incident " + severity, task, "Incident", kind + ", signalé " + WHEN.format(at), dashboard);
    }

    /** A header, the facts as fields (Slack shows ten at most), buttons to the report and the dashboard. */
    static ObjectNode weeklyDigest(WeeklyDigest digest, URI dashboard) {
        ObjectNode message = JSON.objectNode();
        message.put("text", digest.headline());
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", digest.headline());
        ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
        digest.facts().stream().limit(10).forEach(fact -> field(fields, fact.label(), fact.value()));
        ArrayNode buttons = blocks.addObject().put("type", "actions").putArray("elements");
        URI report = dashboard == null ? digest.report() : dashboard.resolve(digest.report());
        buttons.addObject().put("type", "button").put("url", report.toString())
                .putObject("text").put("type", "plain_text").put("text", "Lire le rapport");
        if (dashboard != null) {
            buttons.addObject().put("type", "button").put("url", dashboard.toString())
                    .putObject("text").put("type", "plain_text").put("text", "Ouvrir le tableau de bord");
        }
        return message;
    }

    private static ObjectNode message(String headline, Task task, String what, String detail, URI dashboard) {
        String shortId = task.taskId() == null ? "?" : task.taskId().substring(0, Math.min(8, task.taskId().length()));
        ObjectNode message = JSON.objectNode();
        message.put("text", headline + " — " + orDash(task.type()) + " " + shortId + " (" + orDash(task.priority())
                + ", " + orDash(task.provider()) + ")");
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", headline);
        ObjectNode section = blocks.addObject().put("type", "section");
        ArrayNode fields = section.putArray("fields");
        field(fields, "Tâche", orDash(task.type()) + " · `" + shortId + "`");
        field(fields, "Priorité", orDash(task.priority()));
        field(fields, what, detail);
        field(fields, "Responsable", orDash(task.agent()) + " · " + orDash(task.provider()));
        if (dashboard != null) {
            ObjectNode actions = blocks.addObject().put("type", "actions");
            ObjectNode button = actions.putArray("elements").addObject().put("type", "button")
                    .put("url", dashboard.toString());
            button.putObject("text").put("type", "plain_text").put("text", "Ouvrir le tableau de bord");
        }
        return message;
    }

    private static void field(ArrayNode fields, String label, String value) {
        fields.addObject().put("type", "mrkdwn").put("text", "*" + label + "*\n" + value);
    }

    private static String percent(long elapsed, long budget) {
        return budget <= 0 ? "?" : Math.round(100.0 * elapsed / budget) + " %";
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
