package io.relais.command.process;

import io.relais.contract.process.Raci;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Who does what for the procedure (seed 004, "Rôles, RACI"): each entry a role (e.g. {@code AGENT}) or a person.
 *
 * @param consulted optional
 * @param informed  optional
 */
public record RaciBody(
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 100) String> responsible,
        @NotBlank @Size(max = 100) String accountable,
        @Size(max = 10) List<@NotBlank @Size(max = 100) String> consulted,
        @Size(max = 10) List<@NotBlank @Size(max = 100) String> informed) {

    Raci toRaci() {
        return new Raci(ProcedureBody.clean(responsible), accountable.strip(), ProcedureBody.clean(consulted),
                ProcedureBody.clean(informed));
    }
}
