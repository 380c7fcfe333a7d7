package io.relais.command.engagement;

import io.relais.command.engagement.EngagementCommands.EndEngagement;
import io.relais.command.idempotency.IdempotentCommands;
import io.relais.websupport.problem.ProblemTypes;
import io.relais.websupport.problem.Problems;
import io.relais.websupport.security.ActorResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
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
 * Provider contracts, ADMIN only ({@link EngagementAccessRules}). Each call answers once the event is committed
 * to the event store, together with the {@link EngagementRegistry} rows the task side reads.
 */
@RestController
@RequestMapping(path = "/api/engagements", produces = MediaType.APPLICATION_JSON_VALUE)
class EngagementController {

    static final URI NOT_FOUND = URI.create("urn:relais:problem:engagement-not-found");
    static final URI ACTION_NOT_ALLOWED = URI.create("urn:relais:problem:action-not-allowed");
    static final URI RULE_VIOLATED = URI.create("urn:relais:problem:rule-violated");

    private final CommandGateway commands;
    private final Clock clock;
    private final ActorResolver actors;
    private final IdempotentCommands idempotency;
    private final URI queryServiceUrl;

    EngagementController(CommandGateway commands, Clock clock, ActorResolver actors, IdempotentCommands idempotency,
                         @Value("${relais.links.query-service-url}") URI queryServiceUrl) {
        this.commands = commands;
        this.clock = clock;
        this.actors = actors;
        this.idempotency = idempotency;
        this.queryServiceUrl = queryServiceUrl;
    }

    /**
     * Answers 201 with the new id; the Location is where the query service will show it. With an
     * {@code Idempotency-Key}, a retry gets the first answer back and starts nothing twice.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> start(@Valid @RequestBody EngagementBody body,
                            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String idempotencyKey) {
        return idempotency.execute(actor(), idempotencyKey, body, () -> {
            String engagementId = UUID.randomUUID().toString();
            commands.sendAndWait(body.toCommand(engagementId, actor(), clock.instant()));
            URI location = queryServiceUrl.resolve("/api/engagements/" + engagementId);
            return ResponseEntity.created(location)
                    .body(Map.of("id", engagementId, "state", EngagementStatus.ACTIVE.name()));
        });
    }

    @PostMapping(path = "/{id}/end", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> end(@PathVariable UUID id, @Valid @RequestBody EngagementEndBody body) {
        commands.sendAndWait(new EndEngagement(id.toString(), body.reason().strip(), actor(), clock.instant()));
        return Map.of("id", id.toString(), "state", EngagementStatus.ENDED.name());
    }

    private String actor() {
        return actors.require().name();
    }

    @ExceptionHandler(EngagementActionNotAllowed.class)
    ResponseEntity<ProblemDetail> actionNotAllowed(EngagementActionNotAllowed ex) {
        return Problems.respond(Problems.actionNotAllowed(ACTION_NOT_ALLOWED, ex.getMessage(), "engagementId", ex.engagementId(),
                ex.currentState(), ex.allowedActions()));
    }

    @ExceptionHandler(AgentAlreadyEngaged.class)
    ResponseEntity<ProblemDetail> agentAlreadyEngaged(AgentAlreadyEngaged ex) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, RULE_VIOLATED, "Agent already engaged", ex.getMessage());
        problem.setProperty("agent", ex.agent());
        if (ex.activeEngagementId() != null) {
            problem.setProperty("activeEngagementId", ex.activeEngagementId());
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /**
     * Unknown id, or the id of another aggregate's stream (Axon refuses to rebuild a engagement from it with
     * {@link IncompatibleAggregateException}, before anything is appended).
     */
    @ExceptionHandler({AggregateNotFoundException.class, IncompatibleAggregateException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException ex, HttpServletRequest request) {
        Object id = Problems.pathVariable(request, "id");
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, NOT_FOUND, "Engagement not found",
                "No engagement with id " + id);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(EngagementTermsInvalid.class)
    ResponseEntity<ProblemDetail> invalid(EngagementTermsInvalid ex) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
                "Invalid engagement: " + ex.getMessage());
        return ResponseEntity.badRequest().body(problem);
    }
}
