package io.relais.query.projection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code projection_event_skipped}: events a projection read but deliberately did not apply, so that a skip is
 * never silent. Written in the projection's transaction, next to the advance of its sequence.
 */
@Repository
public class SkippedEvents {

    private final JdbcClient jdbc;

    SkippedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String projection, String aggregateId, long sequence, CloudEventFields.Attributes event,
                       String reason) {
        jdbc.sql("""
                        INSERT INTO projection_event_skipped (projection, aggregate_id, sequence, event_id, event_type,
                                                              reason)
                        VALUES (:projection, :aggregateId, :sequence, :eventId, :eventType, :reason)""")
                .param("projection", projection)
                .param("aggregateId", aggregateId)
                .param("sequence", sequence)
                .param("eventId", event.eventId())
                .param("eventType", event.cloudEventType())
                .param("reason", reason)
                .update();
    }
}
