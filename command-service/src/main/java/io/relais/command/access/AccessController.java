package io.relais.command.access;

import io.relais.command.access.AccessCommands.ReviewAccess;
import io.relais.command.access.AccessCommands.RevokeAccess;
import io.relais.command.idempotency.IdempotentCommands;
import io.relais.websupport.problem.Problems;
import io.relais.websupport.security.ActorResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Access grants, ADMIN only ({@link AccessAccessRules}): grant, revoke, review. Each call answers once the events
 * are committed, together with what they cause (tasks flagged, registry rows); the auditors read the registry and
 * its history on the query service.
 */
@RestController
@RequestMapping(path = "/api/access/grants", produces = MediaType.APPLICATION_JSON_VALUE)
class AccessController {

    static final URI NOT_FOUND = URI.create("urn:relais:problem:grant-not-found");
    static final URI ACTION_NOT_ALLOWED = URI.create("urn:relais:problem:action-not-allowed");
    static final URI RULE_VIOLATED = URI.create("urn:relais:problem:rule-violated");

    private final AccessGrants grants;
    private final CommandGateway commands;
    private final ActorResolver actors;
    private final IdempotentCommands idempotency;
    private final URI queryServiceUrl;

    AccessController(AccessGrants grants, CommandGateway commands, ActorResolver actors, IdempotentCommands idempotency,
                     @Value("${relais.links.query-service-url}") URI queryServiceUrl) {
        this.grants = grants;
        this.commands = commands;
        this.actors = actors;
        this.idempotency = idempotency;
        this.queryServiceUrl = queryServiceUrl;
    }

    /** 201 with the grant's id and its effective expiry (capped at the engagement's planned end for an agent). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> grant(@Valid @RequestBody AccessBodies.GrantBody body,
                            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String idempotencyKey) {
        return idempotency.execute(actor(), idempotencyKey, body, () -> {
            var granted = grants.grant(body, actor());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", granted.grantId());
            answer.put("state", GrantStatus.ACTIVE.name());
            answer.put("principal", granted.principal());
            answer.put("organisation", granted.organisation());
            answer.put("resource", granted.resource());
            answer.put("engagementId", granted.engagementId());
            answer.put("expiresAt", granted.expiresAt() == null ? null : granted.expiresAt().toString());
            return ResponseEntity.created(queryServiceUrl.resolve("/api/access/grants/" + granted.grantId()))
                    .body(answer);
        });
    }

    @PostMapping(path = "/{id}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> revoke(@PathVariable UUID id, @Valid @RequestBody AccessBodies.RevokeBody body) {
        GrantStatus status = commands.sendAndWait(new RevokeAccess(id.toString(), body.reason().strip(), actor(),
                grants.now()));
        return Map.of("id", id.toString(), "state", status.name());
    }

    @PostMapping(path = "/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> review(@PathVariable UUID id, @Valid @RequestBody AccessBodies.ReviewBody body) {
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        GrantStatus status = commands.sendAndWait(new ReviewAccess(id.toString(), body.decision(), comment, actor(),
                grants.now()));
        return Map.of("id", id.toString(), "decision", body.decision().name(), "state", status.name());
    }

    private String actor() {
        return actors.require().name();
    }

    @ExceptionHandler(GrantNotActive.class)
    ResponseEntity<ProblemDetail> notActive(GrantNotActive ex) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, ACTION_NOT_ALLOWED, "Grant not active", ex.getMessage());
        problem.setProperty("grantId", ex.grantId());
        problem.setProperty("currentState", ex.status().name());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(AccessRuleViolated.class)
    ResponseEntity<ProblemDetail> ruleViolated(AccessRuleViolated ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, RULE_VIOLATED, "Access refused", ex.getMessage()));
    }

    /** Unknown id, or the id of another aggregate's stream (refused before anything is appended). */
    @ExceptionHandler({AggregateNotFoundException.class, IncompatibleAggregateException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException ex, HttpServletRequest request) {
        Object id = Problems.pathVariable(request, "id");
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, NOT_FOUND, "Grant not found", "No access grant with id " + id));
    }
}
