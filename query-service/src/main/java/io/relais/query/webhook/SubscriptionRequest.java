package io.relais.query.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new subscription. The secret is not part of it: the service makes one and shows it once, in the answer.
 *
 * @param active false to create it paused (default true)
 */
public record SubscriptionRequest(
        @Schema(example = "Zapier: incidents to the CRM") @NotBlank @Size(max = 200) String name,
        @Schema(example = "https://hooks.zapier.com/hooks/catch/123456/abcdef/") @NotBlank @Size(max = 2000) String url,
        @Schema(example = "[\"relais.task.incident-reported.v1\", \"relais.sla-alert.*\"]")
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> eventTypes,
        Boolean active) {
}
