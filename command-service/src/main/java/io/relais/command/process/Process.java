package io.relais.command.process;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.relais.command.process.ProcessCommands.DefineProcess;
import io.relais.command.process.ProcessCommands.ReviseProcess;
import io.relais.command.process.ProcessCommands.RetireProcess;
import io.relais.contract.process.Procedure;
import io.relais.contract.process.ProcessDefined;
import io.relais.contract.process.ProcessRetired;
import io.relais.contract.process.ProcessRevised;
import io.relais.contract.process.ProcessOccurrenceDue;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A standard operating procedure (SOP) and its versions. The command handlers decide and emit events; the
 * event-sourcing handlers only rebuild state (no I/O, no clock: the instant comes in the command).
 */
@Aggregate
public class Process {

    @AggregateIdentifier
    private String processId;
    private int version;
    private Procedure procedure;
    private ProcessStatus status;

    protected Process() {
        // rebuilt from its events by Axon
    }

    @CommandHandler
    public Process(DefineProcess command, DeadlineManager deadlines) {
        requireValid(command.procedure());
        apply(new ProcessDefined(command.processId(), 1, command.procedure(), command.definedBy(),
                command.definedAt()));
        Occurrences.scheduleNext(deadlines, command.procedure().slaPolicy(), command.zone(), command.definedAt());
    }

    /** @return the new version */
    @CommandHandler
    public int handle(ReviseProcess command, DeadlineManager deadlines) {
        requireAllowed(ProcessAction.REVISE);
        requireValid(command.procedure());
        if (command.procedure().equals(procedure)) {
            throw new ProcessRevisionUnchanged(processId, version);
        }
        apply(new ProcessRevised(processId, version + 1, command.procedure(), command.changeNote(),
                command.revisedBy(), command.revisedAt()));
        Occurrences.cancelAll(deadlines);
        Occurrences.scheduleNext(deadlines, command.procedure().slaPolicy(), command.zone(), command.revisedAt());
        return version;
    }

    /** @return the last version, which stays the one open tasks may pin */
    @CommandHandler
    public int handle(RetireProcess command, DeadlineManager deadlines) {
        requireAllowed(ProcessAction.RETIRE);
        apply(new ProcessRetired(processId, command.reason(), command.retiredBy(), command.retiredAt()));
        Occurrences.cancelAll(deadlines);
        return version;
    }

    /**
     * A recurring procedure's occurrence: open its task (by id derived from the occurrence, so it opens once)
     * and schedule the next one from this occurrence, not from now, so occurrences missed while the service was
     * down are caught up one by one, each marked late.
     *
     * @param firedAt when the persistent scheduler fired the deadline (Axon's message time, not a clock read)
     */
    @DeadlineHandler(deadlineName = Occurrences.DEADLINE)
    void occur(Occurrences.Due due, @Timestamp Instant firedAt, DeadlineManager deadlines) {
        if (status != ProcessStatus.ACTIVE) {
            return;
        }
        apply(new ProcessOccurrenceDue(processId, version, due.occurrenceAt(),
                Occurrences.taskId(processId, due.occurrenceAt()), firedAt, Occurrences.isLate(due, firedAt)));
        Occurrences.scheduleNext(deadlines, procedure.slaPolicy(), due.zone(), due.occurrenceAt());
    }

    @EventSourcingHandler
    void on(ProcessDefined event) {
        this.processId = event.processId();
        this.version = event.version();
        this.procedure = event.procedure();
        this.status = ProcessStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ProcessRevised event) {
        this.version = event.version();
        this.procedure = event.procedure();
    }

    @EventSourcingHandler
    void on(ProcessRetired event) {
        this.status = ProcessStatus.RETIRED;
    }

    private void requireAllowed(ProcessAction action) {
        if (!status.allows(action)) {
            throw new ProcessActionNotAllowed(processId, action, status);
        }
    }

    private static void requireValid(Procedure procedure) {
        if (procedure == null) {
            throw new ProcedureInvalid("A procedure is required");
        }
        requireText(procedure.title(), "title");
        requireText(procedure.objective(), "objective");
        requireText(procedure.taskType(), "taskType");
        if (!SlaPolicyText.isValid(procedure.slaPolicy())) {
            throw new ProcedureInvalid("slaPolicy " + SlaPolicyText.MESSAGE + "; got '" + procedure.slaPolicy() + "'");
        }
        if (procedure.raci() == null || procedure.raci().responsible().isEmpty()) {
            throw new ProcedureInvalid("The RACI must name who is responsible");
        }
        requireText(procedure.raci().accountable(), "raci.accountable");
        if (procedure.steps().isEmpty()) {
            throw new ProcedureInvalid("A procedure needs at least one step");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ProcedureInvalid(field + " must not be blank");
        }
    }

    ProcessStatus status() {
        return status;
    }

    int version() {
        return version;
    }
}
