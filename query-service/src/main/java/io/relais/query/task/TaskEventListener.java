package io.relais.query.task;

import io.cloudevents.CloudEvent;
import io.relais.query.projection.UnknownEventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the task topic into the projection. Returning normally commits the record's offset (after the
 * projection's transaction committed); failures go to the error handler of
 * {@link io.relais.query.projection.ProjectionKafkaSupport}.
 */
@Component
class TaskEventListener {

    private final TaskEventDecoder decoder;
    private final TaskProjection projection;

    TaskEventListener(TaskEventDecoder decoder, TaskProjection projection) {
        this.decoder = decoder;
        this.projection = projection;
    }

    @KafkaListener(id = "task-projection", idIsGroup = false, topics = "#{T(io.relais.contract.Topics).TASKS.name()}",
            containerFactory = TaskKafkaConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, CloudEvent> record) {
        TaskEvent event = decoder.decode(record.value());
        projection.apply(event);
        UnknownEventType.setAsideIfUnknown(event);
    }
}
