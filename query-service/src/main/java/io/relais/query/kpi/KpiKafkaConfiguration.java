package io.relais.query.kpi;

import io.relais.contract.Topics;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.sla.SlaAlert;
import io.relais.query.projection.ContractJson;
import io.relais.query.projection.ProjectionKafkaSupport;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.support.serializer.JsonDeserializer;

@Configuration
class KpiKafkaConfiguration {

    static final String LISTENER_FACTORY = "kpiValueListenerFactory";
    static final String SLA_ALERT_LISTENER_FACTORY = "slaAlertListenerFactory";

    @Bean
    NewTopic kpiValuesTopic(ProjectionKafkaSupport kafka) {
        return kafka.topic(Topics.KPIS);
    }

    @Bean
    NewTopic slaAlertsTopic(ProjectionKafkaSupport kafka) {
        return kafka.topic(Topics.SLA_ALERTS);
    }

    @Bean(SLA_ALERT_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, SlaAlert> slaAlertListenerFactory(ProjectionKafkaSupport kafka) {
        return kafka.listenerFactory(() -> new JsonDeserializer<>(SlaAlert.class, ContractJson.mapper(), false));
    }

    /** Plain JSON values; type headers are ignored, the topic's contract says what the value is. */
    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, KpiValue> kpiValueListenerFactory(ProjectionKafkaSupport kafka) {
        return kafka.listenerFactory(() -> new JsonDeserializer<>(KpiValue.class, ContractJson.mapper(), false));
    }
}
