package io.relais.command.personal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.relais.command.personal.PersonalDataCommands.EraseSubject;
import io.relais.contract.personal.PersonalDataErased;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A data subject (README, "Personal data and erasure"): its only event is its erasure, once. The key itself is destroyed
 * by {@link KeyShredder}, in the transaction that stores the event: the aggregate does no I/O.
 */
@Aggregate
public class DataSubject {

    @AggregateIdentifier
    private String subjectId;
    private boolean erased;

    protected DataSubject() {
        // created by the first erasure, rebuilt from its events by Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EraseSubject command) {
        if (erased) {
            throw new SubjectAlreadyErased(command.subjectId());
        }
        apply(new PersonalDataErased(command.subjectId(), command.reason(), command.cause(), command.erasedBy(),
                command.at()));
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        subjectId = event.subjectId();
        erased = true;
    }
}
