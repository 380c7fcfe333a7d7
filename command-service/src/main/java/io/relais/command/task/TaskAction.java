package io.relais.command.task;

/** What can be done to a task; each action has its command and its REST endpoint. */
public enum TaskAction {
    ASSIGN, START, PUT_ON_HOLD, RESUME, COMPLETE, APPROVE, REQUEST_REWORK, ESCALATE, REPRIORITIZE, CANCEL, RATE,
    REPORT_INCIDENT
}
