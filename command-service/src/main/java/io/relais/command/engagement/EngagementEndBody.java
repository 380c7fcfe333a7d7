package io.relais.command.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the contract ends (e.g. "end of contract", "provider replaced"). */
public record EngagementEndBody(@NotBlank @Size(max = 1000) String reason) {
}
