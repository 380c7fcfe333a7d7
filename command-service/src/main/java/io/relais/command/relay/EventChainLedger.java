package io.relais.command.relay;

import io.relais.contract.audit.EventChain;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored links of the {@link EventChain}, table {@code event_chain} (Flyway V5), numbered in publishing order.
 *
 * <p>Only the relay appends, in its processor's transaction (the one that stores its token), so a link is written
 * exactly when the token moves past its event. Re-publishing an event (a replay from an earlier token) finds its link
 * and publishes that one, so the chain never forks; an event published for the first time (also one stored before
 * the chain existed) is linked at the chain's end.
 */
@Component
public class EventChainLedger {

    /** A link: its number in the chain, the global position and id of the event it chains, its hash. */
    public record StoredLink(long index, long position, String eventId, String hash) {
    }

    private static final String COLUMNS = "SELECT chain_index, position, event_id, hash FROM event_chain";

    private final JdbcClient jdbc;

    EventChainLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the chain hashes of an event, given its link number and its position. */
    @FunctionalInterface
    interface LinkContent {
        EventChain.Link of(long index, long position);
    }

    /**
     * The link of the event: the stored one, or a new one appended after the chain's head. The event's position is
     * read from the event store by its id: a tracking token's index is not the position of the event being handled
     * (an event filling a gap is handled with the token's index beyond it).
     */
    StoredLink linkOf(String eventId, LinkContent link) {
        Optional<StoredLink> stored = jdbc.sql(COLUMNS + " WHERE event_id = ?").param(eventId).query(this::row)
                .optional();
        if (stored.isPresent()) {
            return stored.get();
        }
        long position = jdbc.sql("SELECT globalindex FROM domainevententry WHERE eventidentifier = ?").param(eventId)
                .query(Long.class).single();
        Optional<StoredLink> head = head();
        long index = head.map(StoredLink::index).orElse(0L) + 1;
        String hash = EventChain.hash(head.map(StoredLink::hash).orElse(EventChain.GENESIS), link.of(index, position));
        jdbc.sql("INSERT INTO event_chain (chain_index, position, event_id, hash) VALUES (?, ?, ?, ?)")
                .params(index, position, eventId, hash)
                .update();
        return new StoredLink(index, position, eventId, hash);
    }

    /** The last link, if any: the chain's head. */
    public Optional<StoredLink> head() {
        return jdbc.sql(COLUMNS + " ORDER BY chain_index DESC LIMIT 1").query(this::row).optional();
    }

    /** Links numbered after {@code index}, in order, at most {@code limit}. */
    public List<StoredLink> after(long index, int limit) {
        return jdbc.sql(COLUMNS + " WHERE chain_index > ? ORDER BY chain_index LIMIT ?")
                .params(index, limit)
                .query(this::row)
                .list();
    }

    /** Events stored before the chain existed have a position up to this one. */
    public long legacyUpTo() {
        return jdbc.sql("SELECT legacy_up_to FROM event_chain_origin").query(Long.class).optional().orElse(0L);
    }

    private StoredLink row(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new StoredLink(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4));
    }
}
