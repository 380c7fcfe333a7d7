package io.relais.command.relay;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox relay: a tracking event processor (its token in PostgreSQL) that publishes every stored event
 * to its aggregate type's topic, in global order, keyed by aggregate id.
 *
 * <p>The handler returns only once the broker acknowledged the record (acks=all, idempotent producer), and
 * the processor stores its token only after the handler returned. Any failure propagates to the processor
 * (see {@link RelayConfiguration}), which releases the segment and retries from the last stored token: a
 * crash or an outage may publish an event twice, never skip one.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
class KafkaRelay {

    static final String PROCESSING_GROUP = "kafka-relay";
    private static final Logger log = LoggerFactory.getLogger(KafkaRelay.class);

    private final KafkaTemplate<String, CloudEvent> kafka;
    private final CloudEventMapper mapper;
    private final Duration acknowledgementTimeout;

    KafkaRelay(KafkaTemplate<String, CloudEvent> kafka, CloudEventMapper mapper, RelayProperties properties) {
        this.kafka = kafka;
        this.mapper = mapper;
        this.acknowledgementTimeout = properties.acknowledgementTimeout();
    }

    @EventHandler
    void publish(Object payload, DomainEventMessage<?> message)
            throws InterruptedException, ExecutionException, TimeoutException {
        CloudEvent event = mapper.toCloudEvent(message);
        String topic = mapper.topicOf(message).name();
        var record = new ProducerRecord<String, CloudEvent>(topic, message.getAggregateIdentifier(), event);
        var sent = kafka.send(record).get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (log.isDebugEnabled()) {
            log.debug("Relayed {} {}#{} to {}-{}@{}", event.getType(), message.getAggregateIdentifier(),
                    message.getSequenceNumber(), sent.getRecordMetadata().topic(),
                    sent.getRecordMetadata().partition(), sent.getRecordMetadata().offset());
        }
    }
}
