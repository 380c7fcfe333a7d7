package io.relais.query.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param replicationFactor    replication of the topics created at start-up (1 on a single broker)
 * @param retryInitialInterval first pause before a failed record (other than an invalid one) is retried
 * @param retryMaxInterval     longest pause between retries; the retries themselves never stop
 */
@ConfigurationProperties("relais.kafka")
public record ProjectionKafkaProperties(short replicationFactor, Duration retryInitialInterval,
                                        Duration retryMaxInterval) {
}
