package io.relais.query.process;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.relais.contract.Topics;
import io.relais.query.projection.ProjectionKafkaSupport;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

@Configuration
class ProcessKafkaConfiguration {

    static final String LISTENER_FACTORY = "processEventListenerFactory";

    @Bean
    NewTopic processEventsTopic(ProjectionKafkaSupport kafka) {
        return kafka.topic(Topics.PROCESSES);
    }

    /** CloudEvents in binary mode: attributes from the {@code ce_*} headers, the JSON data as the value. */
    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, CloudEvent> processEventListenerFactory(
            ProjectionKafkaSupport kafka) {
        return kafka.listenerFactory(CloudEventDeserializer::new);
    }
}
