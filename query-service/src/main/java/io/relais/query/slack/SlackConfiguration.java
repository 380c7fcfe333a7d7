package io.relais.query.slack;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.relais.contract.sla.SlaAlert;
import io.relais.query.projection.ContractJson;
import io.relais.query.projection.ProjectionKafkaSupport;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.support.serializer.JsonDeserializer;

/** Slack notifications, on only when a default webhook URL is set ({@code RELAIS_SLACK_WEBHOOK_URL}). */
@Configuration
@ConditionalOnExpression("!'${relais.slack.webhook-url:}'.isBlank()")
@EnableConfigurationProperties(SlackProperties.class)
class SlackConfiguration {

    static final String ALERT_LISTENER_FACTORY = "slackAlertListenerFactory";
    static final String TASK_LISTENER_FACTORY = "slackTaskListenerFactory";

    @Bean
    SlackNotifier slackNotifier(SlackProperties properties) {
        return new SlackNotifier(properties);
    }

    @Bean
    SlackListeners slackListeners(SlackNotifier slack, SlackProperties properties, JdbcClient jdbc) {
        return new SlackListeners(slack, properties, jdbc);
    }

    @Bean(ALERT_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, SlaAlert> slackAlertListenerFactory(ProjectionKafkaSupport kafka) {
        return kafka.listenerFactory(() -> new JsonDeserializer<>(SlaAlert.class, ContractJson.mapper(), false));
    }

    @Bean(TASK_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, CloudEvent> slackTaskListenerFactory(ProjectionKafkaSupport kafka) {
        return kafka.listenerFactory(CloudEventDeserializer::new);
    }
}
