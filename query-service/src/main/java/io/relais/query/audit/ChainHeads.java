package io.relais.query.audit;

import io.relais.contract.audit.ChainHead;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code audit_chain_head}: the signed heads received, each with the outcome of its signature check. */
@Repository
class ChainHeads {

    private final JdbcClient jdbc;

    ChainHeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent: the same head received twice is stored once. */
    void record(ChainHead head, boolean signatureValid, Instant receivedAt) {
        jdbc.sql("""
                        INSERT INTO audit_chain_head (head_index, hash, position, signed_at, signed_at_text, key_id,
                                                      signature, signature_valid, received_at)
                        VALUES (:index, :hash, :position, :signedAt, :signedAtText, :keyId, :signature,
                                :signatureValid, :receivedAt)
                        ON CONFLICT DO NOTHING""")
                .param("index", head.index())
                .param("hash", head.hash())
                .param("position", head.position())
                .param("signedAt", Timestamp.from(head.signedAt()))
                .param("signedAtText", head.signedAt().toString())
                .param("keyId", head.keyId(), java.sql.Types.VARCHAR)
                .param("signature", head.signature())
                .param("signatureValid", signatureValid)
                .param("receivedAt", Timestamp.from(receivedAt))
                .update();
    }

    /** The furthest head whose signature verified, the newest signed first among equals. */
    Optional<ChainHead> latestValid() {
        return jdbc.sql("""
                        SELECT head_index, hash, position, signed_at_text, key_id, signature FROM audit_chain_head
                        WHERE signature_valid ORDER BY head_index DESC, signed_at DESC LIMIT 1""")
                .query(ChainHeads::head).optional();
    }

    /** How many heads were refused because their signature did not verify with the configured key. */
    long rejected() {
        return jdbc.sql("SELECT count(*) FROM audit_chain_head WHERE NOT signature_valid").query(Long.class).single();
    }

    private static ChainHead head(ResultSet row, int rowNumber) throws SQLException {
        return new ChainHead(row.getLong("head_index"), row.getString("hash"), row.getLong("position"),
                Instant.parse(row.getString("signed_at_text")), row.getString("key_id"), row.getString("signature"));
    }
}
