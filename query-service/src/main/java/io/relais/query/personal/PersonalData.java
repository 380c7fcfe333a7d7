package io.relais.query.personal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.relais.contract.personal.PersonalDataEnvelope;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The query side's one way to read personal fields (README, "Personal data and erasure"). Projections and the trail
 * keep what was published (envelopes); every read path opens them here, at read time, with the key store the command
 * side writes ({@code personal_data_key}, through its own read-only connection: {@code RELAIS_KEYS_DB_URL}). Nothing
 * is cached beyond one read: once a subject's key is destroyed, the next read of any path, and any rebuild, shows
 * {@link PersonalDataEnvelope#ERASED}. Keys are never logged.
 */
@Component
public class PersonalData {

    private final HikariDataSource keyStore;
    private final JdbcClient keys;
    private final byte[] masterKey;

    PersonalData(@Value("${relais.personal-data.keys-url}") String url,
                 @Value("${relais.personal-data.keys-user}") String user,
                 @Value("${relais.personal-data.keys-password:}") String password,
                 @Value("${relais.personal-data.master-key}") String masterKey) {
        this.masterKey = Base64.getDecoder().decode(masterKey);
        if (this.masterKey.length != 32) {
            throw new IllegalArgumentException("relais.personal-data.master-key must be Base64 of 32 bytes");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("personal-data-keys");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setReadOnly(true);
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(5000);
        // started lazily: the service runs (and serves everything but personal text) while the key store is away
        config.setInitializationFailTimeout(-1);
        this.keyStore = new HikariDataSource(config);
        this.keys = JdbcClient.create(keyStore);
    }

    @PreDestroy
    void close() {
        keyStore.close();
    }

    /** A reader for one request: each subject's key is looked up once. */
    public Reader reader() {
        Map<String, Optional<byte[]>> seen = new HashMap<>();
        return new Reader(subject -> seen.computeIfAbsent(subject, this::key));
    }

    private Optional<byte[]> key(String subjectId) {
        return keys.sql("SELECT wrapped_key FROM personal_data_key WHERE subject_id = :subject")
                .param("subject", subjectId)
                .query((row, n) -> Optional.ofNullable(row.getBytes("wrapped_key")))
                .optional()
                .flatMap(wrapped -> wrapped.map(bytes -> PersonalDataEnvelope.decrypt(masterKey, bytes,
                        ("relais:key:v1|" + subjectId).getBytes(StandardCharsets.UTF_8))));
    }

    public static final class Reader {

        private final Function<String, Optional<byte[]>> keys;

        Reader(Function<String, Optional<byte[]>> keys) {
            this.keys = keys;
        }

        /** Plain text, {@code [effacé]} once erased, or the value as is when it is not an envelope. */
        public String reveal(String value, String field) {
            try {
                return PersonalDataEnvelope.reveal(value, field, keys);
            } catch (IllegalArgumentException tampered) {
                return PersonalDataEnvelope.ERASED;
            }
        }

        /** A copy of a JSON payload whose envelopes are opened (each under its property name). */
        public JsonNode reveal(JsonNode node) {
            if (node == null) {
                return null;
            }
            JsonNode copy = node.deepCopy();
            walk(copy);
            return copy;
        }

        private void walk(JsonNode node) {
            if (node instanceof ObjectNode object) {
                Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (field.getValue().isTextual() && PersonalDataEnvelope.isSealed(field.getValue().asText())) {
                        field.setValue(TextNode.valueOf(reveal(field.getValue().asText(), field.getKey())));
                    } else {
                        walk(field.getValue());
                    }
                }
            } else if (node instanceof ArrayNode array) {
                array.forEach(this::walk);
            }
        }
    }
}
