package io.relais.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a creating command safe to retry: with an {@code Idempotency-Key}, the first answer is stored in the
 * same transaction as the command's events, and any retry by the same caller with the same key and request
 * gets that answer back ({@code Idempotent-Replayed: true}) without a second event. The same key with a
 * different request is refused (422). Two concurrent first attempts serialise on the key's row: the second
 * waits for the first to commit, then replays its answer.
 */
@Component
public class IdempotentCommands {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern SANE_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotentCommands(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param key     the caller's Idempotency-Key header, or null to run the command plainly
     * @param request what identifies the request (its body); a reused key must come with an equal one
     */
    public ResponseEntity<?> execute(String principal, String key, Object request, Supplier<ResponseEntity<?>> command) {
        if (key == null) {
            return command.get();
        }
        if (!SANE_KEY.matcher(key).matches()) {
            throw new IdempotencyKeyRefused(400, "'" + HEADER + "' must be 1 to 100 letters, digits or . _ : -");
        }
        String hash = hash(request);
        Optional<ResponseEntity<?>> earlier = replay(principal, key, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return transactions.execute(status -> {
                jdbc.sql("""
                        INSERT INTO idempotency_key (principal, idempotency_key, request_hash, status_code, location,
                                                     response_body, created_at)
                        VALUES (:principal, :key, :hash, 0, NULL, '', :at)""")
                        .param("principal", principal).param("key", key).param("hash", hash)
                        .param("at", Timestamp.from(clock.instant()))
                        .update();
                ResponseEntity<?> answer = command.get();
                URI location = answer.getHeaders().getLocation();
                jdbc.sql("""
                        UPDATE idempotency_key SET status_code = :status, location = :location, response_body = :body
                        WHERE principal = :principal AND idempotency_key = :key""")
                        .param("status", answer.getStatusCode().value())
                        .param("location", location == null ? null : location.toString())
                        .param("body", write(answer.getBody()))
                        .param("principal", principal).param("key", key)
                        .update();
                return answer;
            });
        } catch (DuplicateKeyException concurrentFirstAttempt) {
            return replay(principal, key, hash).orElseThrow(() -> concurrentFirstAttempt);
        }
    }

    private Optional<ResponseEntity<?>> replay(String principal, String key, String hash) {
        return jdbc.sql("""
                        SELECT request_hash, status_code, location, response_body FROM idempotency_key
                        WHERE principal = :principal AND idempotency_key = :key""")
                .param("principal", principal).param("key", key)
                .<ResponseEntity<?>>query((row, n) -> answerOf(row, key, hash))
                .optional();
    }

    /** The stored answer, replayed; the same key for another request is a client error, not a replay. */
    private ResponseEntity<?> answerOf(ResultSet row, String key, String hash) throws SQLException {
        if (!row.getString("request_hash").equals(hash)) {
            throw new IdempotencyKeyRefused(422, "'" + HEADER + "' " + key + " was already used for a different request");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotent-Replayed", "true");
        if (row.getString("location") != null) {
            headers.setLocation(URI.create(row.getString("location")));
        }
        return ResponseEntity.status(row.getInt("status_code")).headers(headers).body(read(row.getString("response_body")));
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the answer", e);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answer is not JSON", e);
        }
    }
}
