package io.relais.query.access;

import io.cloudevents.CloudEvent;
import io.relais.query.projection.UnknownEventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the access topic into the registry. Returning normally commits the record's offset (after the projection's
 * transaction committed); failures go to the error handler of
 * {@link io.relais.query.projection.ProjectionKafkaSupport}: invalid records are skipped, others retried.
 */
@Component
class AccessEventListener {

    private final AccessEventDecoder decoder;
    private final AccessProjection projection;

    AccessEventListener(AccessEventDecoder decoder, AccessProjection projection) {
        this.decoder = decoder;
        this.projection = projection;
    }

    @KafkaListener(id = "access-projection", idIsGroup = false,
            topics = "#{T(io.relais.contract.Topics).ACCESS.name()}",
            containerFactory = AccessKafkaConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, CloudEvent> record) {
        AccessEvent event = decoder.decode(record.value());
        projection.apply(event);
        UnknownEventType.setAsideIfUnknown(event);
    }
}
