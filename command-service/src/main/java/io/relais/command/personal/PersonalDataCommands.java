package io.relais.command.personal;

import io.relais.contract.personal.ErasureCause;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

final class PersonalDataCommands {

    private PersonalDataCommands() {
    }

    /** Destroy the subject's key and record why; the instant and the actor come from the caller. */
    record EraseSubject(@TargetAggregateIdentifier String subjectId, String reason, ErasureCause cause,
                        String erasedBy, Instant at) {
    }
}
