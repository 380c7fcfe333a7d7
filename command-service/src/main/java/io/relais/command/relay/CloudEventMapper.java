package io.relais.command.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.relais.command.actor.ActorMetadata;
import io.relais.contract.CloudEventAttributes;
import io.relais.contract.EventType;
import io.relais.contract.audit.EventChain;
import io.relais.contract.TopicSpec;
import java.net.URI;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Turns a stored domain event into the CloudEvent subscribers receive (the contract's attributes, JSON data), and
 * into its link of the {@link EventChain}: both from the same bytes, so that what is published is what is chained.
 */
@Component
public class CloudEventMapper {

    private static final URI SOURCE = URI.create(CloudEventAttributes.SOURCE);

    /**
     * Its own mapper, not the web layer's: the wire format of the contract (ISO-8601 instants, field names
     * as in the records) must not change when someone tunes the REST JSON settings.
     */
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    TopicSpec topicOf(DomainEventMessage<?> message) {
        return typeOf(message).topic();
    }

    /** The event as published, with its link of the event chain ({@code chainindex}, {@code chainposition}, {@code chainhash}). */
    CloudEvent toCloudEvent(DomainEventMessage<?> message, EventChainLedger.StoredLink link) {
        return builder(message)
                .withExtension(CloudEventAttributes.CHAIN_INDEX, link.index())
                .withExtension(CloudEventAttributes.CHAIN_POSITION, link.position())
                .withExtension(CloudEventAttributes.CHAIN_HASH, link.hash())
                .build();
    }

    /** What the event chain hashes of the event at {@code position} as link {@code index}: the published attributes and data. */
    public EventChain.Link chainLink(DomainEventMessage<?> message, long index, long position) {
        MetaData metaData = message.getMetaData();
        return new EventChain.Link(index, position, message.getIdentifier(), typeOf(message).cloudEventType(),
                message.getAggregateIdentifier(), message.getSequenceNumber(), message.getTimestamp(),
                nonEmpty(ActorMetadata.get(metaData, ActorMetadata.ACTOR)),
                nonEmpty(ActorMetadata.get(metaData, ActorMetadata.CORRELATION_ID)), serialize(message.getPayload()));
    }

    CloudEvent toCloudEvent(DomainEventMessage<?> message) {
        return builder(message).build();
    }

    private CloudEventBuilder builder(DomainEventMessage<?> message) {
        EventType type = typeOf(message);
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withSource(SOURCE)
                .withType(type.cloudEventType())
                .withTime(message.getTimestamp().atOffset(ZoneOffset.UTC))
                .withSubject(message.getAggregateIdentifier())
                .withDataContentType(CloudEventAttributes.DATA_CONTENT_TYPE)
                .withExtension(CloudEventAttributes.AGGREGATE_SEQUENCE, message.getSequenceNumber())
                .withExtension(CloudEventAttributes.AGGREGATE_TYPE, type.aggregateType())
                .withData(serialize(message.getPayload()));
        withActor(event, message.getMetaData());
        return event;
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The actor and correlation id recorded at dispatch; absent for events no caller caused. */
    private static void withActor(CloudEventBuilder event, MetaData metaData) {
        copy(event, metaData, ActorMetadata.ACTOR, CloudEventAttributes.ACTOR);
        copy(event, metaData, ActorMetadata.ACTOR_ROLES, CloudEventAttributes.ACTOR_ROLES);
        copy(event, metaData, ActorMetadata.ACTOR_ORGANISATION, CloudEventAttributes.ACTOR_ORGANISATION);
        copy(event, metaData, ActorMetadata.CORRELATION_ID, CloudEventAttributes.CORRELATION_ID);
    }

    private static void copy(CloudEventBuilder event, MetaData metaData, String key, String extension) {
        String value = ActorMetadata.get(metaData, key);
        if (value != null && !value.isEmpty()) {
            event.withExtension(extension, value);
        }
    }

    private static EventType typeOf(DomainEventMessage<?> message) {
        return EventType.ofPayload(message.getPayloadType()).orElseThrow(() -> new UnpublishedEventException(
                message.getPayloadType().getName() + " is not in the event contract's catalogue; the relay stops"
                        + " rather than skip it"));
    }

    private byte[] serialize(Object payload) {
        try {
            return json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + payload.getClass().getName(), e);
        }
    }

    static final class UnpublishedEventException extends IllegalStateException {
        UnpublishedEventException(String message) {
            super(message);
        }
    }
}
