package io.relais.command.relay;

import io.relais.contract.TopicSpec;
import io.relais.contract.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration
class RelayConfiguration {

    /**
     * Axon's default error handler logs a failed handler and moves on, which would advance the token past
     * an event that never reached Kafka. Propagating makes the tracking processor back off and retry it.
     */
    @Autowired
    void retryInsteadOfSkipping(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(KafkaRelay.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    NewTopic taskEventsTopic(RelayProperties properties) {
        return newTopic(Topics.TASKS, properties.replicationFactor());
    }

    @Bean
    NewTopic processEventsTopic(RelayProperties properties) {
        return newTopic(Topics.PROCESSES, properties.replicationFactor());
    }

    @Bean
    NewTopic engagementEventsTopic(RelayProperties properties) {
        return newTopic(Topics.ENGAGEMENTS, properties.replicationFactor());
    }

    @Bean
    NewTopic accessEventsTopic(RelayProperties properties) {
        return newTopic(Topics.ACCESS, properties.replicationFactor());
    }

    @Bean
    NewTopic personalDataEventsTopic(RelayProperties properties) {
        return newTopic(Topics.PERSONAL_DATA, properties.replicationFactor());
    }

    /** Chain heads and denied attempts are published by the audit jobs (package audit), with the same settings. */
    @Bean
    NewTopic auditHeadsTopic(RelayProperties properties) {
        return newTopic(Topics.AUDIT_HEADS, properties.replicationFactor());
    }

    @Bean
    NewTopic deniedAttemptsTopic(RelayProperties properties) {
        return newTopic(Topics.DENIED_ATTEMPTS, properties.replicationFactor());
    }

    static NewTopic newTopic(TopicSpec spec, short replicationFactor) {
        return TopicBuilder.name(spec.name())
                .partitions(spec.partitions())
                .replicas(replicationFactor)
                .configs(spec.topicConfigs())
                .build();
    }
}
