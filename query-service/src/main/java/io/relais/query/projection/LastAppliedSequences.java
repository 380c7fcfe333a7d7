package io.relais.query.projection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The last aggregate sequence number each projection has applied, per aggregate: what makes a projection
 * idempotent under Kafka's at-least-once delivery (a relay that re-publishes after a crash, a consumer that
 * re-reads after a rebalance).
 */
@Repository
public class LastAppliedSequences {

    private final JdbcClient jdbc;

    LastAppliedSequences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records {@code sequence} as the last one applied to the aggregate if it is newer than the recorded one,
     * and says whether it was.
     *
     * <p>Must run in the projection's own transaction: the row lock taken here serialises concurrent
     * deliveries of the same aggregate until the projection's writes commit, and a rollback forgets the
     * advance together with them.
     *
     * @return {@code false} if this or a later event of the aggregate was already applied
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean advance(String projection, String aggregateId, long sequence) {
        int advanced = jdbc.sql("""
                        INSERT INTO last_applied_sequence (projection, aggregate_id, sequence)
                        VALUES (:projection, :aggregateId, :sequence)
                        ON CONFLICT (projection, aggregate_id) DO UPDATE SET sequence = EXCLUDED.sequence
                        WHERE last_applied_sequence.sequence < EXCLUDED.sequence""")
                .param("projection", projection)
                .param("aggregateId", aggregateId)
                .param("sequence", sequence)
                .update();
        return advanced == 1;
    }
}
