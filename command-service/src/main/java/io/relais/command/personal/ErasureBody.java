package io.relais.command.personal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the subject is erased: a request reference, a decision; it is published, so it must not name the person. */
record ErasureBody(@NotBlank @Size(max = 500) String reason) {
}
