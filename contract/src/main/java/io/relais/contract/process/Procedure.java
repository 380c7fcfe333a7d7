package io.relais.contract.process;

import java.util.List;

/**
 * A standard operating procedure as seed 004 lays it out: header (title, objective, scope, SLA, RACI),
 * prerequisites, numbered steps, quality checklist, KPIs to watch, annexes.
 *
 * @param taskType      the kind of task this procedure governs, upper case (e.g. {@code INVOICING})
 * @param slaPolicy     the SLA policy in its text form, e.g. {@code BUSINESS_DAYS(2)} for "J+2"
 * @param resources     what an agent must have access to (the access grants assignment checks)
 * @param tools         tools used (CRM, accounting software, ...)
 * @param templates     templates to use (e-mail models, invoice layout)
 * @param steps         the numbered steps, in order
 * @param qualityChecks the checklist an agent ticks on completion
 * @param kpis          the indicators to watch for this procedure
 * @param annexes       links to annexes (templates, filled-in examples)
 */
public record Procedure(String title, String objective, String scope, String taskType, String slaPolicy, Raci raci,
                        List<String> resources, List<String> tools, List<String> templates, List<String> steps,
                        List<String> qualityChecks, List<String> kpis, List<String> annexes) {

    public Procedure {
        resources = copy(resources);
        tools = copy(tools);
        templates = copy(templates);
        steps = copy(steps);
        qualityChecks = copy(qualityChecks);
        kpis = copy(kpis);
        annexes = copy(annexes);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
