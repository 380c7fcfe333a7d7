package io.relais.command.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.contract.access.AccessExpired;
import io.relais.contract.access.AccessGranted;
import io.relais.contract.access.AccessRevoked;
import io.relais.contract.task.TaskApproved;
import io.relais.contract.task.TaskAssigned;
import io.relais.contract.task.TaskCancelled;
import io.relais.contract.task.TaskRequested;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The access registry of the command side, tables {@code access_grant_lookup} and {@code open_task_requirement}
 * (Flyway V5), written in the SUBSCRIBING processing group {@value #PROCESSING_GROUP}: in the transaction that
 * appends the events, so an answered command is already reflected here. Like the engagement registry it does not
 * replay: it knows the events stored after V5.
 */
@Component
@ProcessingGroup(JdbcAccessRegistry.PROCESSING_GROUP)
class JdbcAccessRegistry implements AccessRegistry {

    static final String PROCESSING_GROUP = "access-registry";

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    JdbcAccessRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> activeResources(String principal, Instant at) {
        return new LinkedHashSet<>(jdbc.sql("""
                        SELECT DISTINCT resource FROM access_grant_lookup
                        WHERE principal = ? AND ended_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
                        ORDER BY resource""")
                .params(principal, Timestamp.from(at))
                .query(String.class)
                .list());
    }

    @Override
    public boolean coveredByAnotherGrant(String principal, String resource, String grantId, Instant at) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM access_grant_lookup
                                       WHERE principal = ? AND resource = ? AND grant_id <> ? AND ended_at IS NULL
                                         AND (expires_at IS NULL OR expires_at > ?))""")
                .params(principal, resource, grantId, Timestamp.from(at))
                .query(Boolean.class)
                .single();
    }

    @Override
    public List<String> activeGrantsOfEngagement(String engagementId) {
        return jdbc.sql("SELECT grant_id FROM access_grant_lookup WHERE engagement_id = ? AND ended_at IS NULL"
                        + " ORDER BY grant_id")
                .param(engagementId)
                .query(String.class)
                .list();
    }

    @Override
    public List<String> openTasksNeeding(String agent, String resource) {
        return jdbc.sql("SELECT task_id FROM open_task_requirement WHERE agent = :agent"
                        + " AND resources @> jsonb_build_array(CAST(:resource AS text)) ORDER BY task_id")
                .param("agent", agent)
                .param("resource", resource)
                .query(String.class)
                .list();
    }

    @EventHandler
    void on(AccessGranted event) {
        jdbc.sql("""
                        INSERT INTO access_grant_lookup (grant_id, principal, organisation, resource, engagement_id,
                                                         expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(event.grantId(), event.principal(), event.organisation(), event.resource(),
                        event.engagementId(), event.expiresAt() == null ? null : Timestamp.from(event.expiresAt()))
                .update();
    }

    @EventHandler
    void on(AccessRevoked event) {
        end(event.grantId(), event.revokedAt());
    }

    @EventHandler
    void on(AccessExpired event) {
        end(event.grantId(), event.expiredAt());
    }

    @EventHandler
    void on(TaskRequested event) {
        if (!event.resources().isEmpty()) {
            jdbc.sql("INSERT INTO open_task_requirement (task_id, resources) VALUES (?, ?::jsonb)")
                    .params(event.taskId(), write(event.resources()))
                    .update();
        }
    }

    @EventHandler
    void on(TaskAssigned event) {
        jdbc.sql("UPDATE open_task_requirement SET agent = ? WHERE task_id = ?")
                .params(event.agent(), event.taskId())
                .update();
    }

    @EventHandler
    void on(TaskApproved event) {
        closed(event.taskId());
    }

    @EventHandler
    void on(TaskCancelled event) {
        closed(event.taskId());
    }

    private void closed(String taskId) {
        jdbc.sql("DELETE FROM open_task_requirement WHERE task_id = ?").param(taskId).update();
    }

    private void end(String grantId, Instant at) {
        jdbc.sql("UPDATE access_grant_lookup SET ended_at = ? WHERE grant_id = ?")
                .params(Timestamp.from(at), grantId)
                .update();
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + values, e);
        }
    }
}
