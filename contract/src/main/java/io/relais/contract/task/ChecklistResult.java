package io.relais.contract.task;

import io.relais.contract.personal.Personal;
/** One item of the SOP's quality checklist, as the agent checked it on completion. */
public record ChecklistResult(String item, boolean passed, @Personal String note) {
}
