package io.relais.command.api;

import static io.relais.websupport.openapi.ContractExamples.fields;

import io.relais.websupport.openapi.CreatedResponses;
import io.relais.websupport.openapi.ProblemResponsesDocumentation;
import io.relais.websupport.openapi.ProblemResponsesDocumentation.Conflict;
import io.relais.websupport.openapi.ProblemResponsesDocumentation.NotFound;
import io.relais.websupport.openapi.RelaisOpenApi;
import io.relais.websupport.openapi.RequestBodyExamples;
import io.relais.websupport.problem.ProblemTypes;
import io.relais.websupport.security.RelaisSecurityProperties;
import io.swagger.v3.oas.models.OpenAPI;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * command-service's OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): the frame and
 * the problem responses are web-support's; the request examples come from the event contract's examples.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String DESCRIPTION = """
            The write side of Relais: every accepted command is an immutable event in the PostgreSQL event store, \
            relayed to Kafka as a CloudEvent. Requests, hand-offs and results of back-office tasks, procedures \
            (SOPs), provider engagements, access grants, personal-data erasure, and the import of a Notion export.

            A command answers once its event is committed; the state is read on the **query service** (the \
            `Location` of a created item points there). Creating requests accept an `Idempotency-Key` header: a \
            retry with the same key and body gets the first answer and writes nothing. No body may name the actor, \
            the requester, an organisation or an id: such fields are refused as unknown (400).""";

    @Bean
    OpenAPI relaisOpenApi(@Value("${relais.api-docs.version:unknown}") String version,
                          RelaisSecurityProperties security) {
        return RelaisOpenApi.document("Relais command service", version, DESCRIPTION, security.mode());
    }

    @Bean
    ProblemResponsesDocumentation problemResponsesDocumentation() {
        Map<String, NotFound> notFound = new LinkedHashMap<>();
        notFound.put("/api/tasks", new NotFound(URI.create("urn:relais:problem:task-not-found"), "Not Found",
                "No task with id {id}"));
        notFound.put("/api/processes", new NotFound(URI.create("urn:relais:problem:process-not-found"),
                "Process not found", "No process with id {id}"));
        notFound.put("/api/engagements", new NotFound(URI.create("urn:relais:problem:engagement-not-found"),
                "Engagement not found", "No engagement with id {id}"));
        notFound.put("/api/access/grants", new NotFound(URI.create("urn:relais:problem:grant-not-found"),
                "Grant not found", "No access grant with id {id}"));
        notFound.put("/api/personal-data", new NotFound(ProblemTypes.NOT_FOUND, "Not found",
                "No personal data of task-{id} was ever recorded"));
        return new ProblemResponsesDocumentation(notFound, conflicts());
    }

    /** The 409s of each write, as the controllers word them (README, "The back office in commands"). */
    private static Map<String, List<Conflict>> conflicts() {
        URI actionNotAllowed = URI.create("urn:relais:problem:action-not-allowed");
        URI ruleViolated = URI.create("urn:relais:problem:rule-violated");
        Map<String, List<Conflict>> conflicts = new LinkedHashMap<>();
        conflicts.put("/api/tasks/{id}/**", List.of(
                new Conflict("action-not-allowed", "The task's state does not allow the action", actionNotAllowed,
                        "Conflict", "Cannot complete task {id}: it is DONE; allowed now: "
                        + "[APPROVE, REQUEST_REWORK, ESCALATE, REPORT_INCIDENT]", Map.of("currentState", "DONE",
                        "allowedActions", List.of("APPROVE", "REQUEST_REWORK", "ESCALATE", "REPORT_INCIDENT"))),
                new Conflict("rule-violated", "A rule of the task refuses the request", ruleViolated, "Conflict",
                        "Task {id} is already assigned to amina")));
        conflicts.put("/api/tasks/{id}/assignment", List.of(
                new Conflict("missing-access", "The agent lacks an active grant for a resource the SOP requires",
                        URI.create("urn:relais:problem:missing-access"), "Missing access",
                        "Agent amina holds no active grant for crm, which task {id} requires",
                        Map.of("agent", "amina", "missingResources", List.of("crm")))));
        conflicts.put("/api/processes/{id}/**", List.of(
                new Conflict("action-not-allowed", "The procedure is retired", actionNotAllowed,
                        "Action not allowed in this state", "Cannot revise process {id}: it is RETIRED; allowed now: []",
                        Map.of("processId", ProblemResponsesDocumentation.EXAMPLE_ID, "currentState", "RETIRED",
                                "allowedActions", List.of()))));
        conflicts.put("/api/engagements", List.of(
                new Conflict("agent-already-engaged", "An agent already works under another active engagement",
                        ruleViolated, "Agent already engaged", "Agent amina already works under another active "
                        + "engagement", Map.of("agent", "amina"))));
        conflicts.put("/api/engagements/{id}/**", List.of(
                new Conflict("action-not-allowed", "The engagement has ended", actionNotAllowed,
                        "Action not allowed in this state", "Cannot end engagement {id}: it is ENDED; allowed now: []",
                        Map.of("engagementId", ProblemResponsesDocumentation.EXAMPLE_ID, "currentState", "ENDED",
                                "allowedActions", List.of()))));
        conflicts.put("/api/access/grants", List.of(
                new Conflict("no-signed-dpa", "The agent's engagement has no signed DPA", ruleViolated,
                        "Access refused", "amina works for backoffice-pro under engagement "
                        + "0a9b8c7d-6e5f-4d3c-8b2a-1f0e9d8c7b6a, whose data processing agreement (DPA) is not signed: "
                        + "no access can be granted")));
        conflicts.put("/api/access/grants/{id}/**", List.of(
                new Conflict("grant-not-active", "The grant was already revoked or has expired", actionNotAllowed,
                        "Grant not active", "Cannot revoke grant {id}: it is REVOKED",
                        Map.of("grantId", ProblemResponsesDocumentation.EXAMPLE_ID, "currentState", "REVOKED"))));
        conflicts.put("/api/personal-data/**", List.of(
                new Conflict("already-erased", "The subject's personal data was already erased", ruleViolated,
                        "Rule violated", "The personal data of task-{id} was already erased")));
        return conflicts;
    }

    @Bean
    CreatedResponses createdResponses() {
        return new CreatedResponses()
                .add("POST", "/api/tasks", "Requested: `{\"id\": …}`; `Location` is the task on the query service")
                .add("POST", "/api/tasks/{id}/incidents", "Reported: the task's status and the incident's id")
                .add("POST", "/api/processes", "Defined (version 1); `Location` is the procedure on the query service")
                .add("POST", "/api/engagements", "Started; `Location` is the engagement on the query service")
                .add("POST", "/api/access/grants", "Granted, with the effective `expiresAt`; `Location` is the grant "
                        + "on the query service");
    }

    @Bean
    RequestBodyExamples requestBodyExamples() {
        String task = "relais.task.requested.v1";
        return new RequestBodyExamples()
                .add("POST", "/api/tasks", "ad-hoc", "Ad-hoc work, no procedure: the type and SLA policy are given",
                        fields(task, "title", "description", "type", "priority", "confidentiality", "slaPolicy"))
                .add("POST", "/api/tasks", "under-a-procedure",
                        "Work following a procedure (SOP): its task type, SLA policy and resources apply",
                        fields(task, "title", "description", "priority", "processId", "confidentiality"))
                .add("POST", "/api/tasks/{id}/assignment", "to-an-engaged-agent",
                        "To an agent of an active engagement holding grants for the SOP's resources",
                        fields("relais.task.assigned.v1", "agent", "engagementId"))
                .add("POST", "/api/tasks/{id}/completion", "with-checklist", "Time spent and the quality checklist",
                        fields("relais.task.completed.v1", "timeSpentMinutes", "checklist"))
                .add("POST", "/api/tasks/{id}/escalation", "urgent", "Escalation through the urgent channel",
                        fields("relais.task.escalated.v1", "reason"))
                .add("POST", "/api/tasks/{id}/rework", "send-back", "Sent back to the agent (counts as an error)",
                        fields("relais.task.rework-requested.v1", "reason"))
                .add("POST", "/api/tasks/{id}/cancellation", "duplicate", "A duplicate request",
                        fields("relais.task.cancelled.v1", "reason"))
                .add("POST", "/api/tasks/{id}/priority", "to-critical", "Raised to CRITICAL",
                        Map.of("priority", fields("relais.task.reprioritized.v1", "to").get("to")))
                .add("POST", "/api/tasks/{id}/incidents", "data-incident", "A data incident",
                        fields("relais.task.incident-reported.v1", "kind", "severity", "description"))
                .add("POST", "/api/access/grants", "agent-under-engagement",
                        "A provider's agent, under their engagement (capped at its planned end)",
                        fields("relais.access.granted.v1", "principal", "resource", "level", "purpose", "expiresAt"))
                .add("POST", "/api/access/grants/{id}/revocation", "end-of-mission", "The mission ended",
                        fields("relais.access.revoked.v1", "reason"))
                .add("POST", "/api/access/grants/{id}/review", "kept", "Kept after the periodic review",
                        fields("relais.access.reviewed.v1", "decision", "comment"))
                .add("POST", "/api/personal-data/subjects/{subject}/erasure", "gdpr-request",
                        "A data subject's request (the reason must not name the person)",
                        fields("relais.subject.personal-data-erased.v1", "reason"));
    }
}
