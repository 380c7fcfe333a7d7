package io.relais.query.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Says where the service connects, so that a wrong environment variable is spotted in the first lines.
 *
 * <p>Registered in {@code META-INF/spring.factories} rather than as a bean: the first line must appear
 * before the database migration and the Kafka clients start, which is exactly when a wrong URL fails.
 */
public class ConnectionLogger implements SmartApplicationListener {

    private static final Logger log = LoggerFactory.getLogger(ConnectionLogger.class);

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationPreparedEvent.class.isAssignableFrom(eventType)
                || ApplicationReadyEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationPreparedEvent prepared) {
            Environment environment = prepared.getApplicationContext().getEnvironment();
            log.info("query-service connecting to database {} (user {}) and Kafka {} (consumer group {})",
                    withoutPassword(environment.getProperty("spring.datasource.url")),
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.kafka.bootstrap-servers"),
                    environment.getProperty("spring.kafka.consumer.group-id"));
        } else if (event instanceof ApplicationReadyEvent ready) {
            Environment environment = ready.getApplicationContext().getEnvironment();
            log.info("query-service ready on port {}", environment.getProperty("local.server.port",
                    environment.getProperty("server.port", "?")));
        }
    }

    /** A JDBC URL may carry the password as a parameter; the log must not. */
    static String withoutPassword(String jdbcUrl) {
        return jdbcUrl == null ? null : jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
