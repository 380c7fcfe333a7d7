package io.relais.query.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.relais.contract.Topics;
import io.relais.contract.sla.SlaAlert;
import io.relais.query.projection.ContractJson;
import io.relais.query.projection.InvalidRecordException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * One event as a receiver gets it: a CloudEvent in structured mode (JSON format, {@code application/cloudevents+json}),
 * the attributes as members and the JSON data as {@code data}.
 *
 * <p>Task and access events are delivered exactly as published, only moved from Kafka's binary mode ({@code ce_*}
 * headers) into the body: same id, attributes, extensions and data. Their personal fields stay sealed
 * ({@code relais:enc:v1:…}, crypto-shredding): their text never leaves Relais through a webhook.
 *
 * @param id   the CloudEvents id, stable across re-reads of the record and across retries: the receivers' dedup key
 * @param type the CloudEvents type
 * @param body the request body, sent byte for byte on every attempt
 */
record WebhookEvent(String id, String type, String body) {

    /** The {@code source} of the SLA alerts kpi-streams raises. */
    static final String SLA_ALERT_SOURCE = "/relais/kpi-streams";

    private static final ObjectMapper JSON = ContractJson.mapper();

    /** A task or access event as published. */
    static WebhookEvent of(CloudEvent event) {
        ObjectNode json = JSON.createObjectNode();
        json.put("specversion", event.getSpecVersion().toString());
        json.put("id", event.getId());
        json.put("source", event.getSource().toString());
        json.put("type", event.getType());
        if (event.getSubject() != null) {
            json.put("subject", event.getSubject());
        }
        if (event.getTime() != null) {
            json.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.getTime()));
        }
        if (event.getDataContentType() != null) {
            json.put("datacontenttype", event.getDataContentType());
        }
        if (event.getDataSchema() != null) {
            json.put("dataschema", event.getDataSchema().toString());
        }
        for (String name : event.getExtensionNames()) {
            Object value = event.getExtension(name);
            if (value instanceof Number || value instanceof Boolean) {
                json.set(name, JSON.valueToTree(value));
            } else if (value != null) {
                json.put(name, value.toString());
            }
        }
        if (event.getData() != null) {
            byte[] data = event.getData().toBytes();
            JsonNode parsed = isJson(event.getDataContentType()) ? parse(data) : null;
            if (parsed != null && !parsed.isMissingNode()) {
                json.set("data", parsed);
            } else {
                json.put("data_base64", Base64.getEncoder().encodeToString(data));
            }
        }
        return new WebhookEvent(event.getId(), event.getType(), write(json));
    }

    /**
     * An SLA alert, published as plain JSON, wrapped in a CloudEvent. Its id is derived from what identifies the
     * alert, the task and the kind (kpi-streams raises each kind at most once per task): a name-based UUID of
     * {@code relais.sla-alerts.v1/<taskId>/<KIND>}. So the same alert read again, or raised again by a kpi-streams
     * replay onto another offset, keeps its id; the data is the record's JSON as published.
     */
    static WebhookEvent ofSlaAlert(String value) {
        JsonNode data = value == null ? null : parse(value.getBytes(StandardCharsets.UTF_8));
        if (data == null || !data.isObject()) { // a tombstone or junk: nothing to deliver, and never will be
            throw new InvalidRecordException("SLA alert is not a JSON object: " + value);
        }
        SlaAlert alert;
        try {
            alert = JSON.treeToValue(data, SlaAlert.class);
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            throw new InvalidRecordException("SLA alert unreadable: " + unreadable.getMessage(), unreadable);
        }
        if (alert.taskId() == null || alert.taskId().isBlank() || alert.kind() == null) {
            throw new InvalidRecordException("SLA alert without taskId or kind: " + value);
        }
        String type = WebhookEventTypes.slaAlertType(alert.kind());
        String id = slaAlertId(alert.taskId(), alert.kind());
        ObjectNode json = JSON.createObjectNode();
        json.put("specversion", "1.0");
        json.put("id", id);
        json.put("source", SLA_ALERT_SOURCE);
        json.put("type", type);
        json.put("subject", alert.taskId());
        if (alert.detectedAt() != null) {
            json.put("time", alert.detectedAt().toString());
        }
        json.put("datacontenttype", "application/json");
        json.set("data", data);
        return new WebhookEvent(id, type, write(json));
    }

    static String slaAlertId(String taskId, SlaAlert.Kind kind) {
        return UUID.nameUUIDFromBytes((Topics.SLA_ALERTS.name() + "/" + taskId + "/" + kind.name())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return true; // CloudEvents: data without a content type is JSON
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json") || mediaType.equals("text/json");
    }

    private static JsonNode parse(byte[] data) {
        try {
            return JSON.readTree(data);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String write(JsonNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
