package io.relais.query.engagement;

import io.cloudevents.CloudEvent;
import io.relais.query.projection.UnknownEventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the engagement topic into the projection. Returning normally commits the record's offset (after the
 * projection's transaction committed); failures go to the error handler of
 * {@link io.relais.query.projection.ProjectionKafkaSupport}: invalid records are skipped, others retried.
 */
@Component
class EngagementEventListener {

    private final EngagementEventDecoder decoder;
    private final EngagementProjection projection;

    EngagementEventListener(EngagementEventDecoder decoder, EngagementProjection projection) {
        this.decoder = decoder;
        this.projection = projection;
    }

    @KafkaListener(id = "engagement-projection", idIsGroup = false,
            topics = "#{T(io.relais.contract.Topics).ENGAGEMENTS.name()}",
            containerFactory = EngagementKafkaConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, CloudEvent> record) {
        EngagementEvent event = decoder.decode(record.value());
        projection.apply(event);
        UnknownEventType.setAsideIfUnknown(event);
    }
}
