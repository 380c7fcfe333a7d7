package io.relais.websupport.security;

import java.sql.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps refused requests in the service's own database (table {@code security_event}, created by the
 * Flyway location {@code db/security}), each with {@code relayed_at} empty: an outbox the audit trail
 * will relay. A failure to record never turns a 401/403 into a 500; it is logged instead.
 */
public class JdbcDeniedAttemptRecorder implements DeniedAttemptRecorder {

    private static final Logger log = LoggerFactory.getLogger(JdbcDeniedAttemptRecorder.class);

    private final JdbcClient jdbc;
    private final String service;

    public JdbcDeniedAttemptRecorder(JdbcClient jdbc, String service) {
        this.jdbc = jdbc;
        this.service = service;
    }

    @Override
    public void record(DeniedAttempt attempt) {
        try {
            jdbc.sql("""
                    INSERT INTO security_event (id, occurred_at, service, kind, principal, method, path,
                                                remote_address, correlation_id, reason)
                    VALUES (:id, :occurredAt, :service, :kind, :principal, :method, :path,
                            :remoteAddress, :correlationId, :reason)""")
                    .param("id", attempt.id())
                    .param("occurredAt", Timestamp.from(attempt.occurredAt()))
                    .param("service", service)
                    .param("kind", attempt.kind().name())
                    .param("principal", attempt.principal())
                    .param("method", attempt.method())
                    .param("path", attempt.path())
                    .param("remoteAddress", attempt.remoteAddress())
                    .param("correlationId", attempt.correlationId())
                    .param("reason", attempt.reason())
                    .update();
        } catch (RuntimeException e) {
            log.warn("Could not record denied attempt {}: {}", attempt, e.toString());
        }
    }
}
