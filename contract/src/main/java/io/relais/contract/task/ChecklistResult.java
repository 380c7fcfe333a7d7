package io.relais.contract.task;

/** One item of the SOP's quality checklist, as the agent checked it on completion. */
public record ChecklistResult(String item, boolean passed, String note) {
}
