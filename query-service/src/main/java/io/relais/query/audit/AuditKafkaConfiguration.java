package io.relais.query.audit;

import io.relais.contract.Topics;
import io.relais.contract.audit.ChainHead;
import io.relais.contract.audit.DeniedAttemptRecorded;
import io.relais.query.projection.ContractJson;
import io.relais.query.projection.ProjectionKafkaSupport;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.support.serializer.JsonDeserializer;

@Configuration
class AuditKafkaConfiguration {

    static final String TRAIL_LISTENER_FACTORY = "auditTrailListenerFactory";
    static final String HEAD_LISTENER_FACTORY = "chainHeadListenerFactory";
    static final String DENIED_LISTENER_FACTORY = "deniedAttemptListenerFactory";

    @Bean
    NewTopic auditHeadsTopic(ProjectionKafkaSupport kafka) {
        return kafka.topic(Topics.AUDIT_HEADS);
    }

    @Bean
    NewTopic personalDataTopic(ProjectionKafkaSupport kafka) {
        return kafka.topic(Topics.PERSONAL_DATA);
    }

    @Bean
    NewTopic deniedAttemptsTopic(ProjectionKafkaSupport kafka) {
        return kafka.topic(Topics.DENIED_ATTEMPTS);
    }

    /** The raw value: the chain hashes the bytes exactly as published, so nothing may parse and re-write them. */
    @Bean(TRAIL_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> auditTrailListenerFactory(ProjectionKafkaSupport kafka) {
        return kafka.listenerFactory(ByteArrayDeserializer::new);
    }

    /** Plain JSON values; type headers are ignored, the topic's contract says what the value is. */
    @Bean(HEAD_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ChainHead> chainHeadListenerFactory(ProjectionKafkaSupport kafka) {
        return kafka.listenerFactory(() -> new JsonDeserializer<>(ChainHead.class, ContractJson.mapper(), false));
    }

    @Bean(DENIED_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, DeniedAttemptRecorded> deniedAttemptListenerFactory(
            ProjectionKafkaSupport kafka) {
        return kafka.listenerFactory(() -> new JsonDeserializer<>(DeniedAttemptRecorded.class, ContractJson.mapper(),
                false));
    }
}
