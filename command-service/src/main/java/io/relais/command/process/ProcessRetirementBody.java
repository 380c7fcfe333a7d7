package io.relais.command.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the procedure is withdrawn (e.g. "replaced by the collection procedure"). */
public record ProcessRetirementBody(@NotBlank @Size(max = 1000) String reason) {
}
