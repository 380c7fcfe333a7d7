package io.relais.query.api;

import io.relais.websupport.openapi.ProblemResponsesDocumentation;
import io.relais.websupport.openapi.ProblemResponsesDocumentation.Conflict;
import io.relais.websupport.openapi.ProblemResponsesDocumentation.NotFound;
import io.relais.websupport.openapi.RelaisOpenApi;
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
 * query-service's OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): the frame and the
 * problem responses are web-support's.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String DESCRIPTION = """
            The read side of Relais: PostgreSQL projections of the Kafka topics, for dashboards, auditors and \
            exports. Tasks and their timelines, live KPIs and SLA alerts, procedures (SOPs), engagements, the access \
            registry (current, history, as of an instant, review), the audit trail with its verification, the board \
            as a CSV Notion imports, the weekly reviews (HTML, PDF) and the outbound webhooks (subscriptions, \
            deliveries, attempts, dead letters).

            Projections trail the command service by a moment: an item created just now may answer 404 for a short \
            while. What each role may read, and which items (own requests, their provider's tasks), is decided per \
            request; an item the caller may not see answers 404 like one that does not exist.""";

    @Bean
    OpenAPI relaisOpenApi(@Value("${relais.api-docs.version:unknown}") String version,
                          RelaisSecurityProperties security) {
        return RelaisOpenApi.document("Relais query service", version, DESCRIPTION, security.mode());
    }

    @Bean
    ProblemResponsesDocumentation problemResponsesDocumentation() {
        Map<String, NotFound> notFound = new LinkedHashMap<>();
        notFound.put("/api/tasks", new NotFound(URI.create("urn:relais:problem:task-not-found"), "Task not found",
                "No task with id {id} (a task created a moment ago may not be visible yet)"));
        notFound.put("/api/processes", new NotFound(URI.create("urn:relais:problem:process-not-found"),
                "Process not found",
                "No process with id {id} (a process defined a moment ago may not be visible yet)"));
        notFound.put("/api/engagements", new NotFound(URI.create("urn:relais:problem:engagement-not-found"),
                "Engagement not found",
                "No engagement with id {id} (an engagement started a moment ago may not be visible yet)"));
        notFound.put("/api/access/grants", new NotFound(URI.create("urn:relais:problem:grant-not-found"),
                "Grant not found",
                "No grant with id {id} (a grant made a moment ago may not be visible yet)"));
        notFound.put("/api/reviews/weekly", new NotFound(URI.create("urn:relais:problem:weekly-review-not-found"),
                "Weekly review not found",
                "No weekly review for the week of 2026-03-09; an admin can generate it with POST /api/reviews/weekly"));
        notFound.put("/api/webhooks/subscriptions", new NotFound(
                URI.create("urn:relais:problem:webhook-subscription-not-found"), "Webhook subscription not found",
                "No webhook subscription with id {id}"));
        notFound.put("/api/webhooks/deliveries", new NotFound(
                URI.create("urn:relais:problem:webhook-delivery-not-found"), "Webhook delivery not found",
                "No webhook delivery with id {id}"));
        Map<String, List<Conflict>> conflicts = Map.of("/api/webhooks/deliveries/{id}/redelivery", List.of(
                new Conflict("webhook-delivery-not-dead", "Only a dead letter can be redelivered",
                        URI.create("urn:relais:problem:webhook-delivery-not-dead"), "Delivery is not dead",
                        "Webhook delivery {id} is DELIVERED; only a dead letter (DEAD) can be redelivered",
                        Map.of("deliveryStatus", "DELIVERED"))));
        return new ProblemResponsesDocumentation(notFound, conflicts);
    }
}
