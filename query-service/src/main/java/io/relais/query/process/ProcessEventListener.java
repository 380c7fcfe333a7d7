package io.relais.query.process;

import io.cloudevents.CloudEvent;
import io.relais.query.projection.UnknownEventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the process topic into the catalogue. Returning normally commits the record's offset (after the
 * projection's transaction committed); failures go to the error handler of
 * {@link io.relais.query.projection.ProjectionKafkaSupport}: invalid records are skipped, others retried.
 */
@Component
class ProcessEventListener {

    private final ProcessEventDecoder decoder;
    private final ProcessProjection projection;

    ProcessEventListener(ProcessEventDecoder decoder, ProcessProjection projection) {
        this.decoder = decoder;
        this.projection = projection;
    }

    @KafkaListener(id = "process-projection", idIsGroup = false,
            topics = "#{T(io.relais.contract.Topics).PROCESSES.name()}",
            containerFactory = ProcessKafkaConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, CloudEvent> record) {
        ProcessEvent event = decoder.decode(record.value());
        projection.apply(event);
        UnknownEventType.setAsideIfUnknown(event);
    }
}
