package io.relais.query.access;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.relais.contract.Topics;
import io.relais.query.projection.ProjectionKafkaSupport;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

@Configuration
class AccessKafkaConfiguration {

    static final String LISTENER_FACTORY = "accessEventListenerFactory";

    @Bean
    NewTopic accessEventsTopic(ProjectionKafkaSupport kafka) {
        return kafka.topic(Topics.ACCESS);
    }

    /** CloudEvents in binary mode: attributes from the {@code ce_*} headers, the JSON data as the value. */
    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, CloudEvent> accessEventListenerFactory(
            ProjectionKafkaSupport kafka) {
        return kafka.listenerFactory(CloudEventDeserializer::new);
    }
}
