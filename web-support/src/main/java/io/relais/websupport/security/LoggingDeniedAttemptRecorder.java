package io.relais.websupport.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** For a service without a database (kpi-streams, which serves health only): the log is the record. */
public class LoggingDeniedAttemptRecorder implements DeniedAttemptRecorder {

    private static final Logger log = LoggerFactory.getLogger("relais.security.denied");

    @Override
    public void record(DeniedAttempt attempt) {
        log.warn("{} {} {} by {} from {} ({}): {}", attempt.kind(), attempt.method(), attempt.path(),
                attempt.principal(), attempt.remoteAddress(), attempt.correlationId(), attempt.reason());
    }
}
