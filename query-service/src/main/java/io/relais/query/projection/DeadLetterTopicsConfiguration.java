package io.relais.query.projection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration
class DeadLetterTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics projectionDeadLetterTopics(ProjectionKafkaSupport kafka) {
        return kafka.deadLetterTopics();
    }
}
