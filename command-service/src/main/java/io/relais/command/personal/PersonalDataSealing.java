package io.relais.command.personal;

import io.relais.contract.personal.DataSubjects;
import io.relais.contract.personal.PersonalDataEnvelope;
import io.relais.contract.personal.PersonalFields;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Seals every {@code @Personal} field of an event before the event store sees it: a dispatch interceptor of the event
 * bus, so that no event, whoever applied it (a REST command, a deadline, a reaction), reaches the store in plain text.
 * The aggregate that applied the event keeps the plain text in memory for that command only and decides nothing on it;
 * rebuilt from the store, it sees envelopes. The key lookup runs here, outside the aggregate, in the command's
 * transaction. For an erased subject, new personal text is not recorded: {@link PersonalDataEnvelope#ERASED} is.
 */
class PersonalDataSealing implements MessageDispatchInterceptor<EventMessage<?>> {

    private final KeyStore keys;

    PersonalDataSealing(KeyStore keys) {
        this.keys = keys;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> seal(message);
    }

    EventMessage<?> seal(EventMessage<?> message) {
        Object payload = message.getPayload();
        if (payload == null || !PersonalFields.any(payload.getClass())) {
            return message;
        }
        if (!(message instanceof DomainEventMessage<?> domain)) {
            throw new IllegalStateException(payload.getClass().getName() + " carries personal data outside an aggregate");
        }
        String subject = DataSubjects.of(payload).orElseThrow(() -> new IllegalStateException(
                payload.getClass().getName() + " carries personal data but names no data subject"));
        Optional<byte[]> key = keys.keyFor(subject);
        Object sealed = PersonalFields.rewrite(payload, (field, value) -> PersonalDataEnvelope.isSealed(value) ? value
                : key.map(k -> PersonalDataEnvelope.seal(k, subject, field, value)).orElse(PersonalDataEnvelope.ERASED));
        return new GenericDomainEventMessage<>(domain.getType(), domain.getAggregateIdentifier(),
                domain.getSequenceNumber(), sealed, domain.getMetaData(), domain.getIdentifier(), domain.getTimestamp());
    }
}
