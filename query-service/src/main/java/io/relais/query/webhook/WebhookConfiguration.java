package io.relais.query.webhook;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.relais.query.projection.ProjectionKafkaSupport;
import io.relais.websupport.openapi.CreatedResponses;
import java.time.Clock;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/**
 * Outbound webhooks (issue 11; README, "Webhooks"). The subscriptions can always be managed; reading the topics and
 * sending are on unless {@code RELAIS_WEBHOOKS_ENABLED=false}.
 */
@Configuration
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    static final String CLOUD_EVENT_LISTENER_FACTORY = "webhookCloudEventListenerFactory";
    static final String SLA_ALERT_LISTENER_FACTORY = "webhookSlaAlertListenerFactory";

    @Bean
    CreatedResponses webhookCreatedResponses() {
        return new CreatedResponses().add("POST", "/api/webhooks/subscriptions",
                "The subscription, with its signing secret (shown only this once); Location: where it is read");
    }

    @Configuration
    @ConditionalOnProperty(name = "relais.webhooks.enabled", havingValue = "true", matchIfMissing = true)
    static class Delivery {

        @Bean
        WebhookListeners webhookListeners(WebhookRepository repository, Clock clock) {
            return new WebhookListeners(repository, clock);
        }

        @Bean
        WebhookDispatcher webhookDispatcher(WebhookRepository repository, WebhookProperties properties, Clock clock) {
            return new WebhookDispatcher(repository, properties, clock);
        }

        /**
         * Retried without end when the database fails (an event is never skipped); an undecodable record goes to the
         * dead-letter topic like the projections' (see {@link ProjectionKafkaSupport}).
         */
        @Bean(CLOUD_EVENT_LISTENER_FACTORY)
        ConcurrentKafkaListenerContainerFactory<String, CloudEvent> webhookCloudEventListenerFactory(
                ProjectionKafkaSupport kafka) {
            return kafka.listenerFactory(CloudEventDeserializer::new);
        }

        /** SLA alerts are read as text: they are delivered with their JSON as published. */
        @Bean(SLA_ALERT_LISTENER_FACTORY)
        ConcurrentKafkaListenerContainerFactory<String, String> webhookSlaAlertListenerFactory(
                ProjectionKafkaSupport kafka) {
            return kafka.listenerFactory(StringDeserializer::new);
        }
    }
}
