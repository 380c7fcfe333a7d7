package io.relais.command.process;

/** What can be done to a procedure once it is defined; each action has its command and REST endpoint. */
public enum ProcessAction {
    REVISE, RETIRE
}
