package io.relais.command.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where the service connects, so that a wrong environment variable is spotted in the first lines. */
@Component
class ConnectionLogger {

    private static final Logger log = LoggerFactory.getLogger(ConnectionLogger.class);

    private final String databaseUrl;
    private final String databaseUser;
    private final String kafkaBootstrapServers;
    private final String port;

    ConnectionLogger(@Value("${spring.datasource.url}") String databaseUrl,
                     @Value("${spring.datasource.username}") String databaseUser,
                     @Value("${spring.kafka.bootstrap-servers}") String kafkaBootstrapServers,
                     @Value("${local.server.port:${server.port}}") String port) {
        this.databaseUrl = databaseUrl;
        this.databaseUser = databaseUser;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.port = port;
    }

    @EventListener(ApplicationReadyEvent.class)
    void logConnections() {
        log.info("command-service ready on port {}: event store {} (user {}), Kafka {}", port, databaseUrl,
                databaseUser, kafkaBootstrapServers);
    }
}
