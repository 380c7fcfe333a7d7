package io.relais.command.process;

/**
 * The procedure misses what every SOP needs (title, task type, a valid SLA policy, a step, someone
 * responsible and accountable): answered 400. The REST layer checks the same first, with field names; the
 * aggregate checks again because it is the authority whatever sends the command.
 */
public class ProcedureInvalid extends IllegalArgumentException {

    public ProcedureInvalid(String reason) {
        super(reason);
    }
}
