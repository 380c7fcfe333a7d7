package io.relais.query.audit;

import io.relais.contract.audit.DeniedAttemptRecorded;
import io.relais.query.projection.InvalidRecordException;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the refused requests the other services relay on {@code relais.denied-attempts.v1}, once each. */
@Component
class DeniedAttemptListener {

    private final DeniedAttempts attempts;
    private final Clock clock;

    DeniedAttemptListener(DeniedAttempts attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    @KafkaListener(id = "audit-denied-attempts", idIsGroup = false,
            topics = "#{T(io.relais.contract.Topics).DENIED_ATTEMPTS.name()}",
            containerFactory = AuditKafkaConfiguration.DENIED_LISTENER_FACTORY)
    void on(ConsumerRecord<String, DeniedAttemptRecorded> record) {
        DeniedAttemptRecorded attempt = record.value();
        if (attempt == null || isBlank(attempt.id()) || attempt.occurredAt() == null || isBlank(attempt.service())
                || isBlank(attempt.kind())) {
            throw new InvalidRecordException("Incomplete denied attempt (id, occurredAt, service and kind are"
                    + " required): " + attempt);
        }
        attempts.record(attempt, clock.instant());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
