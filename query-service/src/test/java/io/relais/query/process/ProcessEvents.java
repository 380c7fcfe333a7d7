package io.relais.query.process;

import io.cloudevents.CloudEvent;
import io.relais.contract.process.Procedure;
import io.relais.contract.process.ProcessDefined;
import io.relais.contract.process.ProcessOccurrenceDue;
import io.relais.contract.process.ProcessRetired;
import io.relais.contract.process.ProcessRevised;
import io.relais.contract.process.Raci;
import io.relais.query.ContractEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Process (SOP) events as command-service publishes them on relais.processes.v1, for tests. */
public final class ProcessEvents {

    private ProcessEvents() {
    }

    /** A procedure in the shape of seed 004's, with {@code steps} as its numbered steps. */
    public static Procedure procedure(String title, String taskType, String slaPolicy, List<String> steps) {
        return new Procedure(title, "Relancer les factures échues", "Factures clients échues de plus de 7 jours",
                taskType, slaPolicy, new Raci(List.of("AGENT"), "marc", List.of("finance"), List.of("direction")),
                List.of("crm", "accounting"), List.of("HubSpot"), List.of("relance-niveau-1"), steps,
                List.of("Montant vérifié", "Bon destinataire"), List.of("Délai moyen de traitement"),
                List.of("modeles/relance-niveau-1.md"));
    }

    /** Defined by admin, at version 1. */
    public static CloudEvent defined(UUID processId, long sequence, Procedure procedure, Instant at) {
        return ContractEvents.event(processId.toString(), sequence,
                new ProcessDefined(processId.toString(), 1, procedure, "admin", at), ContractEvents.ADMIN, at);
    }

    /** Revised by admin to {@code version}. */
    public static CloudEvent revised(UUID processId, long sequence, int version, Procedure procedure, String changeNote,
                                     Instant at) {
        return ContractEvents.event(processId.toString(), sequence,
                new ProcessRevised(processId.toString(), version, procedure, changeNote, "admin", at),
                ContractEvents.ADMIN, at);
    }

    /** Retired by admin. */
    public static CloudEvent retired(UUID processId, long sequence, String reason, Instant at) {
        return ContractEvents.event(processId.toString(), sequence,
                new ProcessRetired(processId.toString(), reason, "admin", at), ContractEvents.ADMIN, at);
    }

    /**
     * An occurrence of a recurring procedure, fired by the command side's scheduler: no caller caused it, so it
     * carries no actor, only the time it fired.
     */
    public static CloudEvent occurrenceDue(UUID processId, long sequence, int version, Instant occurrenceAt,
                                           UUID taskId, Instant firedAt, boolean late) {
        ProcessOccurrenceDue payload = new ProcessOccurrenceDue(processId.toString(), version, occurrenceAt,
                taskId.toString(), firedAt, late);
        return ContractEvents.systemEvent(processId.toString(), sequence, payload, firedAt);
    }
}
