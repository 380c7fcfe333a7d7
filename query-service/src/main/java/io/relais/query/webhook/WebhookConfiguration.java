package io.relais.query.webhook;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.relais.query.projection.InvalidRecordException;
import io.relais.query.projection.ProjectionKafkaProperties;
import io.relais.query.projection.ProjectionKafkaSupport;
import io.relais.websupport.openapi.CreatedResponses;
import java.time.Clock;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Outbound webhooks (issue 11; README, "Webhooks"). The subscriptions can always be managed; reading the topics and
 * sending are on unless {@code RELAIS_WEBHOOKS_ENABLED=false}.
 */
@Configuration
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    static final String CLOUD_EVENT_LISTENER_FACTORY = "webhookCloudEventListenerFactory";
    static final String SLA_ALERT_LISTENER_FACTORY = "webhookSlaAlertListenerFactory";

    @Bean
    CreatedResponses webhookCreatedResponses() {
        return new CreatedResponses().add("POST", "/api/webhooks/subscriptions",
                "The subscription, with its signing secret (shown only this once); Location: where it is read");
    }

    /** Outside {@link Delivery}: subscriptions are created, and so start somewhere, even while delivery is off. */
    @Bean
    WebhookStartOffsets webhookStartOffsets(KafkaAdmin kafkaAdmin, WebhookProperties properties) {
        return new WebhookStartOffsets(kafkaAdmin, properties.brokerTimeout());
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

        @Bean
        WebhookRetention webhookRetention(WebhookRepository repository, WebhookProperties properties, Clock clock) {
            return new WebhookRetention(repository, properties, clock);
        }

        @Bean(CLOUD_EVENT_LISTENER_FACTORY)
        ConcurrentKafkaListenerContainerFactory<String, CloudEvent> webhookCloudEventListenerFactory(
                ProjectionKafkaSupport kafka, ProjectionKafkaProperties retries) {
            return skippingPoison(kafka.listenerFactory(CloudEventDeserializer::new), retries);
        }

        /** SLA alerts are read as text: they are delivered with their JSON as published. */
        @Bean(SLA_ALERT_LISTENER_FACTORY)
        ConcurrentKafkaListenerContainerFactory<String, String> webhookSlaAlertListenerFactory(
                ProjectionKafkaSupport kafka, ProjectionKafkaProperties retries) {
            return skippingPoison(kafka.listenerFactory(StringDeserializer::new), retries);
        }

        /**
         * A failure to record (the database is down) is retried without end, as the projections do: an event is never
         * skipped. A record that is no event (undecodable, an SLA alert without task or kind) is skipped with a
         * warning, not copied to the dead-letter topic: the projections reading the same record already set it aside
         * there, and a second copy would only double the dead letters.
         */
        private static <V> ConcurrentKafkaListenerContainerFactory<String, V> skippingPoison(
                ConcurrentKafkaListenerContainerFactory<String, V> factory, ProjectionKafkaProperties retries) {
            ExponentialBackOff backOff = new ExponentialBackOff(retries.retryInitialInterval().toMillis(), 2.0);
            backOff.setMaxInterval(retries.retryMaxInterval().toMillis());
            backOff.setMaxElapsedTime(Long.MAX_VALUE);
            DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> log.warn(
                    "Webhooks skip {}-{}@{} (key {}), no event they can deliver: {}", record.topic(),
                    record.partition(), record.offset(), record.key(), innermost(failure)), backOff);
            handler.addNotRetryableExceptions(InvalidRecordException.class);
            handler.setRetryListeners((record, failure, attempt) -> log.warn(
                    "Recording webhook deliveries of {}-{}@{} failed (attempt {}): {}", record.topic(),
                    record.partition(), record.offset(), attempt, innermost(failure)));
            factory.setCommonErrorHandler(handler);
            return factory;
        }

        private static String innermost(Throwable failure) {
            Throwable cause = failure;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
    }
}
