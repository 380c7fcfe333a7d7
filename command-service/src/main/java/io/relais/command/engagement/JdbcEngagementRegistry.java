package io.relais.command.engagement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.relais.contract.engagement.EngagementEnded;
import io.relais.contract.engagement.EngagementStarted;
import io.relais.contract.sla.CalendarSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engagement registry of the command side, tables {@code engagement_registry} and
 * {@code engagement_active_agent} (Flyway V2).
 *
 * <p>Its handlers run in the SUBSCRIBING processing group {@value #PROCESSING_GROUP}
 * ({@link EngagementRegistryConfiguration}): in the unit of work and the database transaction that append the
 * event, and a failure here rolls the command back. So once a command is answered, the registry says what the
 * events say; and the rule "an agent works under one active engagement at a time" is enforced here, in that
 * transaction (a check, then the primary key of {@code engagement_active_agent} for concurrent starts).
 *
 * <p>Replay: a subscribing processor only sees events as they are stored; it never replays the past. The
 * tables only know engagements whose events were stored after they were created (migration V2), and they must
 * not be truncated in an existing database: rebuilding them needs a one-off replay of the engagement events
 * from the event store, which is not provided yet.
 */
@Component
@ProcessingGroup(JdbcEngagementRegistry.PROCESSING_GROUP)
class JdbcEngagementRegistry implements EngagementRegistry {

    static final String PROCESSING_GROUP = "engagement-registry";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String SELECT = """
            SELECT r.engagement_id, r.provider_organisation, r.agents, r.calendar, r.dpa_signed, r.planned_end_on
            FROM engagement_registry r""";

    private final JdbcClient jdbc;
    /** Its own mapper: the stored calendar must not change shape when someone tunes the REST JSON settings. */
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    JdbcEngagementRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ActiveEngagement> active(String engagementId) {
        return jdbc.sql(SELECT + " WHERE r.engagement_id = ? AND r.ended_at IS NULL")
                .param(engagementId)
                .query(this::activeEngagement)
                .optional();
    }

    @Override
    public Optional<ActiveEngagement> activeFor(String agent) {
        return jdbc.sql(SELECT + " JOIN engagement_active_agent a ON a.engagement_id = r.engagement_id"
                        + " WHERE a.agent = ? AND r.ended_at IS NULL")
                .param(agent)
                .query(this::activeEngagement)
                .optional();
    }

    @Override
    public boolean everEngaged(String agent) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM engagement_registry WHERE agents @> jsonb_build_array(CAST(:agent AS text)))")
                .param("agent", agent)
                .query(Boolean.class)
                .single();
    }

    @EventHandler
    void on(EngagementStarted event) {
        List<String> agents = event.agents().stream().distinct().toList();
        jdbc.sql("SELECT agent, engagement_id FROM engagement_active_agent WHERE agent IN (:agents) ORDER BY agent")
                .param("agents", agents)
                .query((row, n) -> new AgentAlreadyEngaged(row.getString("agent"), row.getString("engagement_id")))
                .list().stream().findFirst()
                .ifPresent(conflict -> {
                    throw conflict;
                });
        jdbc.sql("""
                        INSERT INTO engagement_registry (engagement_id, provider_organisation, agents, calendar,
                                                         dpa_signed, starts_on, planned_end_on, started_at)
                        VALUES (?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)""")
                .params(event.engagementId(), event.providerOrganisation(), write(agents), write(event.calendar()),
                        event.dpaSigned(), event.startsOn(), event.plannedEndOn(), utc(event.startedAt()))
                .update();
        for (String agent : agents) {
            try {
                jdbc.sql("INSERT INTO engagement_active_agent (agent, engagement_id) VALUES (?, ?)")
                        .params(agent, event.engagementId())
                        .update();
            } catch (DuplicateKeyException concurrentStart) {
                // another transaction engaged this agent after the check above and committed first
                throw new AgentAlreadyEngaged(agent, null);
            }
        }
    }

    @EventHandler
    void on(EngagementEnded event) {
        jdbc.sql("UPDATE engagement_registry SET ended_at = ? WHERE engagement_id = ?")
                .params(utc(event.endedAt()), event.engagementId())
                .update();
        jdbc.sql("DELETE FROM engagement_active_agent WHERE engagement_id = ?")
                .param(event.engagementId())
                .update();
    }

    private ActiveEngagement activeEngagement(ResultSet row, int rowNumber) throws SQLException {
        return new ActiveEngagement(row.getString("engagement_id"), row.getString("provider_organisation"),
                read(row.getString("agents"), STRINGS), read(row.getString("calendar"), CALENDAR),
                row.getBoolean("dpa_signed"), row.getObject("planned_end_on", java.time.LocalDate.class));
    }

    private static final TypeReference<CalendarSpec> CALENDAR = new TypeReference<>() {
    };

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value, e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON in engagement_registry: " + text, e);
        }
    }
}
