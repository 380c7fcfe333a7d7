package io.relais.query.webhook;

import io.relais.websupport.problem.ProblemTypes;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The webhooks' own refusals, as RFC 9457 problems (README, "Webhooks"). */
final class WebhookProblems {

    static final URI SUBSCRIPTION_NOT_FOUND = URI.create("urn:relais:problem:webhook-subscription-not-found");
    static final URI DELIVERY_NOT_FOUND = URI.create("urn:relais:problem:webhook-delivery-not-found");
    static final URI DELIVERY_NOT_DEAD = URI.create("urn:relais:problem:webhook-delivery-not-dead");

    private WebhookProblems() {
    }

    static ErrorResponseException subscriptionNotFound(UUID id) {
        return problem(HttpStatus.NOT_FOUND, SUBSCRIPTION_NOT_FOUND, "Webhook subscription not found",
                "No webhook subscription with id " + id);
    }

    static ErrorResponseException deliveryNotFound(UUID id) {
        return problem(HttpStatus.NOT_FOUND, DELIVERY_NOT_FOUND, "Webhook delivery not found",
                "No webhook delivery with id " + id);
    }

    static ErrorResponseException notDead(DeliveryView delivery) {
        ErrorResponseException problem = problem(HttpStatus.CONFLICT, DELIVERY_NOT_DEAD, "Delivery is not dead",
                "Webhook delivery " + delivery.id() + " is " + delivery.status()
                        + "; only a dead letter (DEAD) can be redelivered");
        problem.getBody().setProperty("deliveryStatus", delivery.status().name());
        return problem;
    }

    static ErrorResponseException invalidUrl(String url, String why) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request body",
                "'url' must be an absolute http or https URL with a host; " + why + ": '" + url + "'");
    }

    static ErrorResponseException unknownEventTypes(List<String> unknown) {
        ErrorResponseException problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST,
                "Invalid request body", "Unknown event type " + unknown + " in 'eventTypes'; give CloudEvents types "
                        + "(e.g. relais.task.incident-reported.v1, relais.sla-alert.breached.v1) or families "
                        + String.join(", ", WebhookEventTypes.FAMILIES) + " (README, \"Webhooks\")");
        problem.getBody().setProperty("unknownEventTypes", unknown);
        return problem;
    }

    /**
     * 503: the broker did not say where the new subscription starts (its topics' end offsets); nothing was written.
     * Retry-After as for an unreachable database.
     */
    static ErrorResponseException brokerUnavailable() {
        ErrorResponseException problem = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE,
                "Service Unavailable", "Kafka did not answer: the subscription's starting point (the end of the "
                        + "topics it reads) is unknown, so nothing was written. Retry later.");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return problem;
    }

    private static ErrorResponseException problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
