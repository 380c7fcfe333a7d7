package io.relais.query.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.relais.query.projection.InvalidRecordException;
import io.relais.query.projection.ProjectionOutcomes;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Copies every record of the five event topics into the raw trail, exactly as received. Its own consumer group
 * ({@code <group>-audit-trail}), so that it reads every partition of the task topic next to the task projection.
 * Idempotent on position and event id: a re-delivery stores nothing.
 */
@Component
class TrailListener {

    static final String NAME = "audit-trail";
    private static final Logger log = LoggerFactory.getLogger(TrailListener.class);

    private final TrailRepository trail;
    private final ProjectionOutcomes outcomes;
    private final Clock clock;

    TrailListener(TrailRepository trail, MeterRegistry meters, Clock clock) {
        this.trail = trail;
        this.outcomes = new ProjectionOutcomes(meters, NAME);
        this.clock = clock;
    }

    @KafkaListener(id = "audit-trail", groupId = "${spring.kafka.consumer.group-id}-audit-trail",
            topics = {"#{T(io.relais.contract.Topics).TASKS.name()}", "#{T(io.relais.contract.Topics).PROCESSES.name()}",
                    "#{T(io.relais.contract.Topics).ENGAGEMENTS.name()}", "#{T(io.relais.contract.Topics).ACCESS.name()}",
                    "#{T(io.relais.contract.Topics).PERSONAL_DATA.name()}"},
            containerFactory = AuditKafkaConfiguration.TRAIL_LISTENER_FACTORY)
    void on(ConsumerRecord<String, byte[]> record) {
        Optional<TrailEvent> read = TrailRecordReader.read(record);
        if (read.isEmpty()) {
            // Published before the relay chained events: nothing to verify it against; the skip stays visible.
            String id = Optional.ofNullable(TrailRecordReader.header(record, "id")).orElse(record.topic() + "@"
                    + record.offset());
            String subject = Optional.ofNullable(TrailRecordReader.header(record, "subject")).orElse(id);
            long sequence = sequence(TrailRecordReader.header(record, "aggregatesequence"));
            log.debug("Not in the trail: event {} of {} carries no chain position", id, subject);
            trail.recordUnchained(subject, sequence, id, String.valueOf(TrailRecordReader.header(record, "type")));
            outcomes.skipped();
            return;
        }
        TrailEvent event = read.get();
        if (trail.insert(event, clock.instant())) {
            outcomes.applied();
            return;
        }
        TrailEvent stored = trail.clash(event.chainIndex(), event.position(), event.eventId()).orElseThrow().event();
        if (stored.position() == event.position() && stored.eventId().equals(event.eventId())
                && stored.chainIndex() == event.chainIndex()) {
            outcomes.duplicate();
            return;
        }
        throw new InvalidRecordException("Event " + event.eventId() + " claims link " + event.chainIndex()
                + " and position " + event.position()
                + ", but the trail holds event " + stored.eventId() + " at position " + stored.position()
                + ": not stored");
    }

    private static long sequence(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
