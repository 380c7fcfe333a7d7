package io.relais.command.personal;

import io.relais.contract.personal.PersonalDataEnvelope;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code personal_data_key}: one key per data subject, wrapped with the master key. Every call runs in the caller's
 * transaction (the command's): a key exists if and only if an event sealed with it was stored, and is gone in the
 * same commit as the {@code PersonalDataErased} that says so. Keys are never logged, never published.
 */
@Repository
class KeyStore {

    private final JdbcClient jdbc;
    private final byte[] masterKey;
    private final Clock clock;

    KeyStore(JdbcClient jdbc, PersonalDataSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.masterKey = settings.masterKeyBytes();
        this.clock = clock;
    }

    /** The subject's key, made on first use; empty once the subject was erased (no new key is ever made for it). */
    Optional<byte[]> keyFor(String subjectId) {
        byte[] fresh = PersonalDataEnvelope.newKey();
        jdbc.sql("""
                        INSERT INTO personal_data_key (subject_id, wrapped_key, created_at)
                        VALUES (:subject, :wrapped, :at) ON CONFLICT (subject_id) DO NOTHING""")
                .param("subject", subjectId)
                .param("wrapped", PersonalDataEnvelope.encrypt(masterKey, fresh, aad(subjectId)))
                .param("at", Timestamp.from(clock.instant()))
                .update();
        return existing(subjectId);
    }

    /** The subject's key if it has one and was not erased. */
    Optional<byte[]> existing(String subjectId) {
        return jdbc.sql("SELECT wrapped_key FROM personal_data_key WHERE subject_id = :subject")
                .param("subject", subjectId)
                .query((row, n) -> Optional.ofNullable(row.getBytes("wrapped_key")))
                .optional()
                .flatMap(wrapped -> wrapped.map(bytes -> PersonalDataEnvelope.decrypt(masterKey, bytes, aad(subjectId))));
    }

    enum State { UNKNOWN, ACTIVE, ERASED }

    State state(String subjectId) {
        return jdbc.sql("SELECT wrapped_key IS NULL AS erased FROM personal_data_key WHERE subject_id = :subject")
                .param("subject", subjectId)
                .query((row, n) -> row.getBoolean("erased") ? State.ERASED : State.ACTIVE)
                .optional()
                .orElse(State.UNKNOWN);
    }

    /** Destroys the key; the row stays as a tombstone. */
    void erase(String subjectId, Instant at) {
        jdbc.sql("""
                        INSERT INTO personal_data_key (subject_id, wrapped_key, created_at, erased_at)
                        VALUES (:subject, NULL, :at, :at)
                        ON CONFLICT (subject_id) DO UPDATE SET wrapped_key = NULL,
                            erased_at = COALESCE(personal_data_key.erased_at, EXCLUDED.erased_at)""")
                .param("subject", subjectId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Records when the subject's task closed (approved or cancelled), for the retention purge. */
    void closed(String subjectId, Instant at) {
        jdbc.sql("UPDATE personal_data_key SET closed_at = :at WHERE subject_id = :subject")
                .param("subject", subjectId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Subjects still holding a key whose task closed before {@code cutoff}, oldest first. */
    List<String> closedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        SELECT subject_id FROM personal_data_key
                        WHERE wrapped_key IS NOT NULL AND closed_at < :cutoff ORDER BY closed_at LIMIT :limit""")
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    private static byte[] aad(String subjectId) {
        return ("relais:key:v1|" + subjectId).getBytes(StandardCharsets.UTF_8);
    }
}
