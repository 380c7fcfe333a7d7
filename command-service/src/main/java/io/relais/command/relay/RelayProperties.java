package io.relais.command.relay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param acknowledgementTimeout how long the relay waits for the broker's acknowledgement of one record
 *                               before it gives up and lets the processor retry from its stored token
 * @param replicationFactor      replication of the topics created at start-up (1 on a single broker)
 */
@ConfigurationProperties("relais.relay")
record RelayProperties(Duration acknowledgementTimeout, short replicationFactor) {
}
