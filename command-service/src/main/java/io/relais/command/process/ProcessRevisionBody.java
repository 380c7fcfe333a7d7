package io.relais.command.process;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new version of a procedure: the whole procedure as it should read from now on, and why it changed.
 */
public record ProcessRevisionBody(
        @NotBlank @Size(max = 1000) String changeNote,
        @NotNull @Valid ProcedureBody procedure) {
}
