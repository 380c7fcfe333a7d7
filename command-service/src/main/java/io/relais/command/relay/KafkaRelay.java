package io.relais.command.relay;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * The outbox relay: a tracking event processor (its token in PostgreSQL) that publishes every stored event
 * to its aggregate type's topic, in global order, keyed by aggregate id.
 *
 * <p>The processor hands the relay a batch of events in one unit of work ({@code RELAIS_RELAY_BATCH_SIZE}). Each
 * event is sent as it is handled, without waiting; before the unit of work commits (and with it the token and the
 * batch's chain links), the relay waits until the broker acknowledged every send of the batch (acks=all,
 * idempotent producer, so order per partition holds). Any failure, in a send or an acknowledgement, fails the unit
 * of work (see {@link RelayConfiguration}): the token stays where it was and the processor retries the batch. A
 * crash may publish an event twice, never skip one.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
class KafkaRelay {

    static final String PROCESSING_GROUP = "kafka-relay";
    private static final Logger log = LoggerFactory.getLogger(KafkaRelay.class);
    private static final String PENDING_SENDS = KafkaRelay.class.getName() + ".pendingSends";

    private final KafkaTemplate<String, CloudEvent> kafka;
    private final CloudEventMapper mapper;
    private final EventChainLedger chain;
    private final Duration acknowledgementTimeout;

    KafkaRelay(KafkaTemplate<String, CloudEvent> kafka, CloudEventMapper mapper, EventChainLedger chain,
               RelayProperties properties) {
        this.kafka = kafka;
        this.mapper = mapper;
        this.chain = chain;
        this.acknowledgementTimeout = properties.acknowledgementTimeout();
    }

    /** The event's link of the event chain is stored in this unit of work's transaction, with the token. */
    @EventHandler
    void publish(Object payload, DomainEventMessage<?> message) {
        var link = chain.linkOf(message.getIdentifier(), (index, position) -> mapper.chainLink(message, index, position));
        CloudEvent event = mapper.toCloudEvent(message, link);
        String topic = mapper.topicOf(message).name();
        var record = new ProducerRecord<String, CloudEvent>(topic, message.getAggregateIdentifier(), event);
        pendingSends().add(kafka.send(record));
    }

    /** The sends of the current unit of work, awaited once before it commits. */
    private List<CompletableFuture<SendResult<String, CloudEvent>>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<SendResult<String, CloudEvent>>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(work -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<SendResult<String, CloudEvent>>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayNotAcknowledged("Interrupted while waiting for the broker's acknowledgements", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RelayNotAcknowledged("The broker did not acknowledge " + sends.size()
                    + " relayed event(s); the batch is retried from the stored token", e);
        }
        if (log.isDebugEnabled() && !sends.isEmpty()) {
            var last = sends.get(sends.size() - 1).join().getRecordMetadata();
            log.debug("Relayed {} event(s), the last to {}-{}@{}", sends.size(), last.topic(), last.partition(),
                    last.offset());
        }
    }

    static final class RelayNotAcknowledged extends RuntimeException {
        RelayNotAcknowledged(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
