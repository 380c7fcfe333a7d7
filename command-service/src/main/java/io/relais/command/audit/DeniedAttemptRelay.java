package io.relais.command.audit;

import io.relais.contract.Topics;
import io.relais.contract.audit.DeniedAttemptRecorded;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relays the requests this service refused (table {@code security_event}, web-support's outbox) to
 * {@code relais.denied-attempts.v1}, where the audit trail picks them up. A row is marked relayed only after the
 * broker acknowledged it, in the transaction that locked it: at least once, never lost.
 */
@Component
class DeniedAttemptRelay {

    private static final Logger log = LoggerFactory.getLogger(DeniedAttemptRelay.class);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditProducer kafka;
    private final Clock clock;

    DeniedAttemptRelay(JdbcClient jdbc, TransactionTemplate transactions,
                       AuditProducer kafka, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${relais.audit.denied-attempt-interval:2s}")
    void relayPending() {
        try {
            while (relayBatch() == BATCH) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            log.warn("Denied attempts not relayed this time: {}", e.toString());
        }
    }

    /** Relays up to one batch; answers how many rows it relayed. */
    int relayBatch() {
        Integer relayed = transactions.execute(status -> {
            List<DeniedAttemptRecorded> pending = jdbc.sql("""
                            SELECT id, occurred_at, service, kind, principal, method, path, remote_address,
                                   correlation_id, reason
                            FROM security_event WHERE relayed_at IS NULL
                            ORDER BY occurred_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .param(BATCH)
                    .query((row, n) -> new DeniedAttemptRecorded(row.getString(1), row.getTimestamp(2).toInstant(),
                            row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                            row.getString(8), row.getString(9), row.getString(10)))
                    .list();
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (DeniedAttemptRecorded attempt : pending) {
                sends.add(kafka.send(Topics.DENIED_ATTEMPTS.name(), attempt.id(), AuditJson.write(attempt)));
            }
            try {
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The broker did not acknowledge the denied attempts", e);
            }
            for (DeniedAttemptRecorded attempt : pending) {
                jdbc.sql("UPDATE security_event SET relayed_at = ? WHERE id = CAST(? AS uuid)")
                        .params(Timestamp.from(clock.instant()), attempt.id())
                        .update();
            }
            return pending.size();
        });
        return relayed == null ? 0 : relayed;
    }
}
