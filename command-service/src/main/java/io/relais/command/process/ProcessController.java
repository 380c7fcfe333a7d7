package io.relais.command.process;

import io.relais.command.idempotency.IdempotentCommands;
import io.relais.command.process.ProcessCommands.DefineProcess;
import io.relais.command.process.ProcessCommands.ReviseProcess;
import io.relais.command.process.ProcessCommands.RetireProcess;
import io.relais.websupport.problem.ProblemTypes;
import io.relais.websupport.problem.Problems;
import io.relais.websupport.security.ActorResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import io.relais.command.sla.SlaSettings;
import java.time.Clock;
import java.time.ZoneId;
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
 * Procedures (SOPs), ADMIN only ({@link ProcessAccessRules}). Each call answers once the event is committed
 * to the event store, together with the {@link ProcessCatalog} row the task side reads.
 */
@RestController
@RequestMapping(path = "/api/processes", produces = MediaType.APPLICATION_JSON_VALUE)
class ProcessController {

    static final URI NOT_FOUND = URI.create("urn:relais:problem:process-not-found");
    static final URI ACTION_NOT_ALLOWED = URI.create("urn:relais:problem:action-not-allowed");
    static final URI RULE_VIOLATED = URI.create("urn:relais:problem:rule-violated");

    private final CommandGateway commands;
    private final Clock clock;
    private final ActorResolver actors;
    private final IdempotentCommands idempotency;
    private final URI queryServiceUrl;
    private final ZoneId zone;

    ProcessController(CommandGateway commands, Clock clock, ActorResolver actors, IdempotentCommands idempotency,
                      @Value("${relais.links.query-service-url}") URI queryServiceUrl, SlaSettings sla) {
        this.commands = commands;
        this.clock = clock;
        this.actors = actors;
        this.idempotency = idempotency;
        this.queryServiceUrl = queryServiceUrl;
        this.zone = sla.zoneId();
    }

    /**
     * Answers 201 with the new id and version 1; the Location is where the query service will show it. With an
     * {@code Idempotency-Key}, a retry gets the first answer back and defines nothing twice.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> define(@Valid @RequestBody ProcedureBody body,
                             @RequestHeader(name = IdempotentCommands.HEADER, required = false) String idempotencyKey) {
        return idempotency.execute(actor(), idempotencyKey, body, () -> {
            String processId = UUID.randomUUID().toString();
            commands.sendAndWait(new DefineProcess(processId, body.toProcedure(), actor(), clock.instant(), zone));
            URI location = queryServiceUrl.resolve("/api/processes/" + processId);
            return ResponseEntity.created(location).body(Map.of("id", processId, "version", 1));
        });
    }

    @PostMapping(path = "/{id}/revisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> revise(@PathVariable UUID id, @Valid @RequestBody ProcessRevisionBody body) {
        int version = commands.sendAndWait(new ReviseProcess(id.toString(), body.procedure().toProcedure(),
                body.changeNote().strip(), actor(), clock.instant(), zone));
        return Map.of("id", id.toString(), "version", version);
    }

    @PostMapping(path = "/{id}/retirement", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> retire(@PathVariable UUID id, @Valid @RequestBody ProcessRetirementBody body) {
        int version = commands.sendAndWait(new RetireProcess(id.toString(), body.reason().strip(), actor(),
                clock.instant()));
        return Map.of("id", id.toString(), "version", version, "state", ProcessStatus.RETIRED.name());
    }

    private String actor() {
        return actors.require().name();
    }

    @ExceptionHandler(ProcessActionNotAllowed.class)
    ResponseEntity<ProblemDetail> actionNotAllowed(ProcessActionNotAllowed ex) {
        return Problems.respond(Problems.actionNotAllowed(ACTION_NOT_ALLOWED, ex.getMessage(), "processId", ex.processId(),
                ex.currentState(), ex.allowedActions()));
    }

    @ExceptionHandler(ProcessRevisionUnchanged.class)
    ResponseEntity<ProblemDetail> revisionUnchanged(ProcessRevisionUnchanged ex) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, RULE_VIOLATED, "Revision changes nothing",
                ex.getMessage());
        problem.setProperty("processId", ex.processId());
        problem.setProperty("currentVersion", ex.currentVersion());
        problem.setProperty("currentState", ProcessStatus.ACTIVE.name());
        problem.setProperty("allowedActions", ProcessStatus.ACTIVE.allowedActions().stream().map(Enum::name).toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /**
     * Unknown id, or the id of another aggregate's stream (Axon refuses to rebuild a process from it with
     * {@link IncompatibleAggregateException}, before anything is appended).
     */
    @ExceptionHandler({AggregateNotFoundException.class, IncompatibleAggregateException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException ex, HttpServletRequest request) {
        Object id = Problems.pathVariable(request, "id");
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, NOT_FOUND, "Process not found",
                "No process with id " + id);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(ProcedureInvalid.class)
    ResponseEntity<ProblemDetail> invalid(ProcedureInvalid ex) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
                "Invalid procedure: " + ex.getMessage());
        return ResponseEntity.badRequest().body(problem);
    }
}
