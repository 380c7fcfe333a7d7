package io.relais.query.personal;

import io.relais.contract.personal.PersonalDataEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The personal-data key store as command-service writes it, in the test database (the service reads it through its
 * key-store connection, which the integration tests point at that database), wrapped with the development master key.
 */
public final class TestKeyStore {

    /** The development master key of application.yml, which the tests' service runs with. */
    private static final String DEV_MASTER_KEY = "cmVsYWlzLWRldi1tYXN0ZXIta2V5LW5vdC1zZWNyZXQ=";

    private TestKeyStore() {
    }

    /** Creates {@code subject}'s key, stores it wrapped, and returns it to seal the test's fields with. */
    public static byte[] storeKey(JdbcClient jdbc, String subject) {
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS personal_data_key (
                    subject_id VARCHAR(80) NOT NULL PRIMARY KEY, wrapped_key BYTEA, created_at TIMESTAMPTZ NOT NULL,
                    closed_at TIMESTAMPTZ, erased_at TIMESTAMPTZ)""").update();
        byte[] key = PersonalDataEnvelope.newKey();
        byte[] wrapped = PersonalDataEnvelope.encrypt(Base64.getDecoder().decode(DEV_MASTER_KEY), key,
                ("relais:key:v1|" + subject).getBytes(StandardCharsets.UTF_8));
        jdbc.sql("INSERT INTO personal_data_key (subject_id, wrapped_key, created_at) VALUES (?, ?, now())")
                .params(subject, wrapped).update();
        return key;
    }
}
