package io.relais.query.audit;

import io.relais.contract.CloudEventAttributes;
import io.relais.query.projection.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads the CloudEvents attributes of a record of an event topic straight from its {@code ce_*} headers (binary
 * mode), keeping the value untouched: the chain hashes the bytes exactly as published.
 */
final class TrailRecordReader {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private TrailRecordReader() {
    }

    /** The record as a trail event; empty when it carries no chain position (published before the chain existed). */
    static Optional<TrailEvent> read(ConsumerRecord<String, byte[]> record) {
        String position = header(record, CloudEventAttributes.CHAIN_POSITION);
        if (position == null) {
            return Optional.empty();
        }
        String eventId = required(record, "id");
        String hash = required(record, CloudEventAttributes.CHAIN_HASH);
        if (!HASH.matcher(hash).matches()) {
            throw invalid(record, eventId, "ce_" + CloudEventAttributes.CHAIN_HASH + " is not 64 lower-case hex digits: '"
                    + hash + "'");
        }
        if (record.value() == null) {
            throw invalid(record, eventId, "the value (the event's data) is missing");
        }
        long index = number(record, eventId, CloudEventAttributes.CHAIN_INDEX,
                required(record, CloudEventAttributes.CHAIN_INDEX));
        if (index < 1) {
            throw invalid(record, eventId, "ce_" + CloudEventAttributes.CHAIN_INDEX + " must be 1 or more: " + index);
        }
        return Optional.of(new TrailEvent(index, number(record, eventId, CloudEventAttributes.CHAIN_POSITION, position),
                eventId, required(record, "type"), required(record, "subject"),
                header(record, CloudEventAttributes.AGGREGATE_TYPE),
                number(record, eventId, CloudEventAttributes.AGGREGATE_SEQUENCE,
                        required(record, CloudEventAttributes.AGGREGATE_SEQUENCE)),
                time(record, eventId), header(record, CloudEventAttributes.ACTOR),
                header(record, CloudEventAttributes.ACTOR_ROLES), header(record, CloudEventAttributes.ACTOR_ORGANISATION),
                header(record, CloudEventAttributes.CORRELATION_ID), record.value(), hash, record.topic()));
    }

    /** A {@code ce_} header as text, null when absent or blank. */
    static String header(ConsumerRecord<?, ?> record, String attribute) {
        Header header = record.headers().lastHeader("ce_" + attribute);
        if (header == null || header.value() == null) {
            return null;
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        return value.isBlank() ? null : value;
    }

    private static String required(ConsumerRecord<?, ?> record, String attribute) {
        String value = header(record, attribute);
        if (value == null) {
            throw invalid(record, header(record, "id"), "ce_" + attribute + " is missing");
        }
        return value;
    }

    private static long number(ConsumerRecord<?, ?> record, String eventId, String attribute, String value) {
        try {
            long number = Long.parseLong(value.trim());
            if (number < 0) {
                throw invalid(record, eventId, "ce_" + attribute + " is negative: " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw invalid(record, eventId, "ce_" + attribute + " is not a number: '" + value + "'");
        }
    }

    private static Instant time(ConsumerRecord<?, ?> record, String eventId) {
        String time = required(record, "time");
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(record, eventId, "ce_time is not an RFC 3339 instant: '" + time + "'");
        }
    }

    private static InvalidRecordException invalid(ConsumerRecord<?, ?> record, String eventId, String problem) {
        return new InvalidRecordException("Trail record " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + " (event " + eventId + "): " + problem);
    }
}
