package io.relais.query.engagement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.contract.engagement.EngagementEnded;
import io.relais.contract.engagement.EngagementStarted;
import io.relais.contract.sla.CalendarSpec;
import io.relais.query.projection.ContractJson;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@code engagement_projection}. */
@Repository
class EngagementRepository {

    private static final String SELECT = """
            SELECT engagement_id, provider_organisation, agents, internal_hourly_rate, provider_hourly_rate, calendar,
                   dpa_signed, starts_on, planned_end_on, status, started_by, started_at, ended_by, ended_at,
                   end_reason, last_event_at
            FROM engagement_projection""";

    private final JdbcClient jdbc;
    private final ObjectMapper json = ContractJson.mapper();

    EngagementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A plain insert on purpose: the sequence check lets an engagement's first event through once, so a row that
     * already exists means the projection tables disagree, and that must fail loudly, not be masked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void insert(EngagementEvent.Started started) {
        EngagementStarted data = started.payload();
        jdbc.sql("""
                        INSERT INTO engagement_projection (engagement_id, provider_organisation, agents,
                            internal_hourly_rate, provider_hourly_rate, calendar, dpa_signed, starts_on, planned_end_on,
                            status, started_by, started_at, last_event_at, sequence)
                        VALUES (:engagementId, :providerOrganisation, :agents, :internalHourlyRate, :providerHourlyRate,
                                CAST(:calendar AS jsonb), :dpaSigned, :startsOn, :plannedEndOn, :status, :startedBy,
                                :startedAt, :lastEventAt, :sequence)""")
                .param("engagementId", started.engagementId())
                .param("providerOrganisation", data.providerOrganisation())
                .param("agents", data.agents().toArray(String[]::new))
                .param("internalHourlyRate", data.internalHourlyRate())
                .param("providerHourlyRate", data.providerHourlyRate())
                .param("calendar", write(data.calendar()))
                .param("dpaSigned", data.dpaSigned())
                .param("startsOn", Date.valueOf(data.startsOn()))
                .param("plannedEndOn", data.plannedEndOn() == null ? null : Date.valueOf(data.plannedEndOn()),
                        Types.DATE)
                .param("status", EngagementStatus.ACTIVE.name())
                .param("startedBy", started.recorded().who(data.startedBy()), Types.VARCHAR)
                .param("startedAt", Timestamp.from(started.recorded().when(data.startedAt())))
                .param("lastEventAt", Timestamp.from(started.recorded().occurredAt()))
                .param("sequence", started.sequence())
                .update();
    }

    /** The engagement's status, its row locked until the projection's transaction ends; empty if never started. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<EngagementStatus> lockStatus(UUID engagementId) {
        return jdbc.sql("SELECT status FROM engagement_projection WHERE engagement_id = :engagementId FOR UPDATE")
                .param("engagementId", engagementId)
                .query(String.class)
                .optional()
                .map(EngagementStatus::valueOf);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void end(EngagementEvent.Ended ended) {
        EngagementEnded data = ended.payload();
        int updated = jdbc.sql("""
                        UPDATE engagement_projection
                        SET status = :status, ended_by = :endedBy, ended_at = :endedAt, end_reason = :reason,
                            last_event_at = :lastEventAt, sequence = :sequence
                        WHERE engagement_id = :engagementId""")
                .param("status", EngagementStatus.ENDED.name())
                .param("endedBy", ended.recorded().who(data.endedBy()), Types.VARCHAR)
                .param("endedAt", Timestamp.from(ended.recorded().when(data.endedAt())))
                .param("reason", data.reason(), Types.VARCHAR)
                .param("lastEventAt", Timestamp.from(ended.recorded().occurredAt()))
                .param("sequence", ended.sequence())
                .param("engagementId", ended.engagementId())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Engagement " + ended.engagementId() + " vanished while it was ending");
        }
    }

    /** Newest first; a filter left empty matches every engagement. */
    List<EngagementView> list(Optional<EngagementStatus> status, Optional<String> provider, Optional<String> agent,
                              int limit) {
        List<String> conditions = new ArrayList<>();
        status.ifPresent(s -> conditions.add("status = :status"));
        provider.ifPresent(p -> conditions.add("provider_organisation = :provider"));
        agent.ifPresent(a -> conditions.add(":agent = ANY (agents)"));
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        var statement = jdbc.sql(SELECT + where + " ORDER BY started_at DESC, engagement_id DESC LIMIT :limit")
                .param("limit", limit);
        if (status.isPresent()) {
            statement = statement.param("status", status.get().name());
        }
        if (provider.isPresent()) {
            statement = statement.param("provider", provider.get());
        }
        if (agent.isPresent()) {
            statement = statement.param("agent", agent.get());
        }
        return statement.query(this::row).list();
    }

    Optional<EngagementView> find(UUID engagementId) {
        return jdbc.sql(SELECT + " WHERE engagement_id = :engagementId")
                .param("engagementId", engagementId)
                .query(this::row)
                .optional();
    }

    private EngagementView row(ResultSet row, int rowNumber) throws SQLException {
        Array agents = row.getArray("agents");
        try {
            Date plannedEnd = row.getDate("planned_end_on");
            return new EngagementView(row.getObject("engagement_id", UUID.class),
                    row.getString("provider_organisation"), Arrays.asList((String[]) agents.getArray()),
                    row.getBigDecimal("internal_hourly_rate"), row.getBigDecimal("provider_hourly_rate"),
                    calendar(row.getString("calendar")), row.getBoolean("dpa_signed"),
                    row.getDate("starts_on").toLocalDate(), plannedEnd == null ? null : plannedEnd.toLocalDate(),
                    EngagementStatus.valueOf(row.getString("status")), row.getString("started_by"),
                    instant(row, "started_at"), row.getString("ended_by"), instant(row, "ended_at"),
                    row.getString("end_reason"), instant(row, "last_event_at"));
        } finally {
            agents.free();
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private String write(CalendarSpec calendar) {
        try {
            return json.writeValueAsString(calendar);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a calendar as JSON", e);
        }
    }

    private CalendarSpec calendar(String stored) {
        try {
            return json.readValue(stored, CalendarSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable calendar in the engagement projection: " + stored, e);
        }
    }
}
