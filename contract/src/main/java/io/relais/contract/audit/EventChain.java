package io.relais.contract.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The tamper-evident chain over every stored event (BRIEF §6), defined here so that the command side, the query side
 * and any subscriber compute it identically.
 *
 * <p>The events are chained in the order the relay publishes them, link {@code n} numbered {@code n} from 1 without
 * gaps (the CloudEvents extension {@code chainindex}): {@code hash(n) = SHA-256(hash(n-1) ‖ fields(n) ‖ data(n))},
 * starting from {@link #GENESIS}. That order is the event store's commit order, which may differ from its global
 * index when transactions commit out of order, so each link also records the event's global position
 * ({@code chainposition}). {@code fields} are the link's index, the event's position, id, CloudEvents type, subject,
 * aggregate sequence, time, actor and correlation id, each followed by a line feed; {@code data} is the JSON payload
 * exactly as published (the Kafka record value). Altering any of them changes that link's hash and every later one,
 * and removing a link leaves a hole in the numbering, so recomputing the chain pinpoints the first altered or missing
 * event; signed {@link ChainHead}s published elsewhere catch the deletion of the newest events, which leaves no
 * broken link behind.
 */
public final class EventChain {

    /** The "previous hash" of the first event. */
    public static final String GENESIS = "0".repeat(64);

    /** What is hashed of one event. {@code actor} and {@code correlationId} are null for events no caller caused. */
    public record Link(long index, long position, String eventId, String type, String subject, long sequence, Instant time,
                       String actor, String correlationId, byte[] data) {

        public Link {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(data, "data");
        }
    }

    /** The hash of {@code link} chained after {@code previousHash}, as 64 lower-case hex digits. */
    public static String hash(String previousHash, Link link) {
        MessageDigest sha256 = sha256();
        String fields = previousHash + '\n' + link.index() + '\n' + link.position() + '\n' + link.eventId() + '\n' + link.type() + '\n'
                + link.subject() + '\n' + link.sequence() + '\n' + link.time() + '\n'
                + Objects.toString(link.actor(), "") + '\n' + Objects.toString(link.correlationId(), "") + '\n';
        sha256.update(fields.getBytes(StandardCharsets.UTF_8));
        sha256.update(link.data());
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private EventChain() {
    }
}
