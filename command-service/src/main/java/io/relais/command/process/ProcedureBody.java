package io.relais.command.process;

import io.relais.contract.process.Procedure;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;

/**
 * A procedure (SOP) as an administrator writes it, in seed 004's layout: header (title, objective, scope, SLA,
 * RACI), prerequisites (resources, tools, templates), numbered steps, quality checklist, KPIs, annexes.
 * Ids, versions, author and time are the server's; unknown fields are refused by the JSON reader.
 * Steps are capped at 30: an SOP nobody reads is a pitfall the seed names ("SOP trop longues").
 *
 * @param resources     optional; what an agent must be granted access to, as access grants name them
 * @param tools         optional
 * @param templates     optional
 * @param qualityChecks optional; the checklist ticked on completion
 * @param kpis          optional
 * @param annexes       optional; links or paths
 */
public record ProcedureBody(
        @NotBlank @Size(max = 200) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String title,
        @NotBlank @Size(max = 2000) String objective,
        @NotBlank @Size(max = 2000) String scope,
        @NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]{0,49}",
                message = "must be a word of letters, digits, '_' or '-' (at most 50), e.g. INVOICING")
        String taskType,
        @NotBlank @Pattern(regexp = SlaPolicyText.REGEX, message = SlaPolicyText.MESSAGE) String slaPolicy,
        @NotNull @Valid RaciBody raci,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = RESOURCE, message = RESOURCE_MESSAGE) String> resources,
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> tools,
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> templates,
        @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 1000) String> steps,
        @Size(max = 30) List<@NotBlank @Size(max = 500) String> qualityChecks,
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> kpis,
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> annexes) {

    static final String NO_CONTROL = "[^\\p{Cntrl}]*";
    static final String NO_CONTROL_MESSAGE = "must not contain control characters";
    static final String RESOURCE = "[A-Za-z0-9][A-Za-z0-9_.:/-]{0,99}";
    static final String RESOURCE_MESSAGE =
            "must be a resource name of letters, digits, '_', '.', ':', '/' or '-' (at most 100), e.g. crm";

    public Procedure toProcedure() {
        return new Procedure(title.strip(), objective.strip(), scope.strip(), taskType.toUpperCase(Locale.ROOT),
                slaPolicy, raci.toRaci(), clean(resources), clean(tools), clean(templates), clean(steps),
                clean(qualityChecks), clean(kpis), clean(annexes));
    }

    static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).toList();
    }
}
