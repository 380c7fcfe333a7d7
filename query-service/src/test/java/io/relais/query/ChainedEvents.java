package io.relais.query;

import io.relais.contract.CloudEventAttributes;
import io.relais.contract.EventType;
import io.relais.contract.audit.ChainHead;
import io.relais.contract.audit.EventChain;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Events as the command-side relay publishes them once it chains them: CloudEvents binary mode with
 * {@code ce_chainindex}, {@code ce_chainposition} and {@code ce_chainhash}, the hash computed with {@link EventChain}
 * over the exact value bytes. One chain for the whole test JVM (every IT shares one database and broker), links
 * numbered 1, 2, 3 ..., positions growing with gaps.
 * Also the test key pair chain heads are signed with (its public half is the service's configured key in tests).
 */
public final class ChainedEvents {

    private static final KeyPair KEYS = keyPair();
    private static long lastPosition = 1_000;
    private static String lastHash = EventChain.GENESIS;
    private static long events;

    private ChainedEvents() {
    }

    /** The chained record of {@code payload}, caused by {@code by} at {@code time}: the next link of the test chain. */
    public static synchronized ProducerRecord<String, byte[]> next(String subject, long sequence, Object payload,
                                                                   ContractEvents.By by, Instant time) {
        EventType type = EventType.ofPayload(payload.getClass()).orElseThrow();
        byte[] data = ContractEvents.json(payload);
        String id = UUID.randomUUID().toString();
        String correlationId = by == null ? null : "test-" + subject + "-" + sequence;
        // Positions have gaps (an event store's global index does): step by 1 or 2.
        long position = lastPosition + 1 + (events % 3 == 2 ? 1 : 0);
        long index = events + 1;
        String hash = EventChain.hash(lastHash, new EventChain.Link(index, position, id, type.cloudEventType(), subject,
                sequence, time, by == null ? null : by.name(), correlationId, data));
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", id);
        header(headers, "ce_source", CloudEventAttributes.SOURCE);
        header(headers, "ce_type", type.cloudEventType());
        header(headers, "ce_subject", subject);
        header(headers, "ce_time", time.toString());
        header(headers, "content-type", CloudEventAttributes.DATA_CONTENT_TYPE);
        header(headers, "ce_" + CloudEventAttributes.AGGREGATE_SEQUENCE, Long.toString(sequence));
        header(headers, "ce_" + CloudEventAttributes.AGGREGATE_TYPE, type.aggregateType());
        if (by != null) {
            header(headers, "ce_" + CloudEventAttributes.ACTOR, by.name());
            header(headers, "ce_" + CloudEventAttributes.ACTOR_ROLES, by.roles());
            header(headers, "ce_" + CloudEventAttributes.ACTOR_ORGANISATION, by.organisation());
            header(headers, "ce_" + CloudEventAttributes.CORRELATION_ID, correlationId);
        }
        header(headers, "ce_" + CloudEventAttributes.CHAIN_INDEX, Long.toString(index));
        header(headers, "ce_" + CloudEventAttributes.CHAIN_POSITION, Long.toString(position));
        header(headers, "ce_" + CloudEventAttributes.CHAIN_HASH, hash);
        lastPosition = position;
        lastHash = hash;
        events++;
        return new ProducerRecord<>(type.topic().name(), null, subject, data, headers);
    }

    /** The position of the newest link made so far. */
    public static synchronized long lastPosition() {
        return lastPosition;
    }

    /** The head of the test chain now, signed with {@code key} (the test key unless a test wants a forgery). */
    public static synchronized ChainHead head(PrivateKey key, Instant signedAt) {
        byte[] content = ChainHead.signedContent(events, lastHash, lastPosition, signedAt);
        try {
            Signature signer = Signature.getInstance(ChainHead.ALGORITHM);
            signer.initSign(key);
            signer.update(content);
            return new ChainHead(events, lastHash, lastPosition, signedAt, "test-key",
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PrivateKey privateKey() {
        return KEYS.getPrivate();
    }

    /** What {@code relais.audit.head-public-key} is set to in tests. */
    public static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    public static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance(ChainHead.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
