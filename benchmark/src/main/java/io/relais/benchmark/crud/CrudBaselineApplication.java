package io.relais.benchmark.crud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.benchmark.PgBenchSchema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Phase 2, the baseline a user would pick instead of Relais: a minimal Spring Boot CRUD endpoint that stores the
 * same task row (one INSERT, one commit) over HTTP, with the same JWT check as the services. Benchmark code, not
 * product code. Settings: {@code server.port}, {@code spring.datasource.*},
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location} (environment variables).
 */
@SpringBootApplication
public class CrudBaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrudBaselineApplication.class, args);
    }

    record TaskBody(String title, String description, String type, String priority) {
    }

    @Bean
    ApplicationRunner createTable(JdbcTemplate jdbc) {
        return arguments -> jdbc.execute(PgBenchSchema.TABLE_DDL);
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(e -> e.requestMatchers("/crud/health").permitAll().anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .build();
    }

    @RestController
    static class TaskController {

        private final JdbcTemplate jdbc;
        private final ObjectMapper json;

        TaskController(JdbcTemplate jdbc, ObjectMapper json) {
            this.jdbc = jdbc;
            this.json = json;
        }

        @GetMapping("/crud/health")
        Map<String, String> health() {
            return Map.of("status", "UP");
        }

        @PostMapping("/crud/tasks")
        @Transactional
        ResponseEntity<Map<String, String>> create(@RequestBody TaskBody body, @AuthenticationPrincipal Jwt caller)
                throws Exception {
            UUID id = UUID.randomUUID();
            Instant now = Instant.now();
            ObjectNode payload = json.createObjectNode()
                    .put("taskId", id.toString()).put("title", body.title()).put("description", body.description())
                    .put("type", body.type()).put("priority", body.priority()).put("requester", caller.getSubject())
                    .put("confidentiality", "INTERNAL").put("slaPolicy", "BUSINESS_HOURS(24)")
                    .put("requestedAt", now.toString());
            ObjectNode metadata = json.createObjectNode().put("actor", caller.getSubject())
                    .put("actorOrganisation", caller.getClaimAsString("org"))
                    .put("correlationId", UUID.randomUUID().toString());
            jdbc.update("INSERT INTO bench_event (aggregate_id, sequence, type, payload, metadata)"
                            + " VALUES (?, 0, 'relais.task.requested.v1', ?::jsonb, ?::jsonb)",
                    id, json.writeValueAsString(payload), json.writeValueAsString(metadata));
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id.toString()));
        }
    }
}
