package io.relais.websupport.security;

/** Where refused requests are kept until the audit trail relays them. */
public interface DeniedAttemptRecorder {

    void record(DeniedAttempt attempt);
}
