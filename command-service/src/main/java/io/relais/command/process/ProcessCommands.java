package io.relais.command.process;

import io.relais.contract.process.Procedure;
import java.time.Instant;
import java.time.ZoneId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands on a procedure (SOP). The actor's name and the instant come from the REST layer (the
 * authenticated caller, the service clock): the aggregate never reads a clock or a security context.
 */
public final class ProcessCommands {

    private ProcessCommands() {
    }

    /** Write down a new procedure; it starts at version 1. */
    /** @param zone where a recurring procedure's occurrences fall (the company's time zone) */
    public record DefineProcess(@TargetAggregateIdentifier String processId, Procedure procedure, String definedBy,
                                Instant definedAt, ZoneId zone) {
    }

    /** Replace the procedure with a new version; tasks already open keep theirs. Answers the new version. */
    public record ReviseProcess(@TargetAggregateIdentifier String processId, Procedure procedure, String changeNote,
                                String revisedBy, Instant revisedAt, ZoneId zone) {
    }

    /** No new task may be opened under the procedure any more. Answers the last version. */
    public record RetireProcess(@TargetAggregateIdentifier String processId, String reason, String retiredBy,
                                Instant retiredAt) {
    }
}
