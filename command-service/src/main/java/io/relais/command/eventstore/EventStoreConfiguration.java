package io.relais.command.eventstore;

import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JDBC event store on PostgreSQL (BYTEA payloads, schema by Flyway).
 *
 * <p>The global index is a sequence: a transaction that took index N but commits after N+1 leaves a gap
 * that tracking processors wait for. They give up waiting after {@code gapTimeout}, which would skip
 * that event for good; so the timeout is set well above the longest transaction the database lets live
 * ({@code idle_in_transaction_session_timeout} and {@code statement_timeout} on the connection URL; see
 * README, "Event store and gaps").
 */
@Configuration
@EnableConfigurationProperties(EventStoreConfiguration.EventStoreProperties.class)
class EventStoreConfiguration {

    /**
     * PostgreSQL reports a duplicate (aggregate, sequence) as SQLState 23505 with vendor code 0, which Axon's
     * error-code resolver does not recognise: a concurrent append from another instance then surfaced as a 500.
     * Recognised, it is Axon's ConcurrencyException (answered 409 concurrent-change) or, for a first event,
     * AggregateStreamCreationException.
     */
    static final PersistenceExceptionResolver UNIQUE_VIOLATION = new SQLStateResolver("23505");

    @ConfigurationProperties("relais.event-store")
    record EventStoreProperties(Duration gapTimeout, int gapCleaningThreshold, int batchSize) {
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventStoreProperties properties) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(UNIQUE_VIOLATION)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .gapTimeout(Math.toIntExact(properties.gapTimeout().toMillis()))
                .gapCleaningThreshold(properties.gapCleaningThreshold())
                .batchSize(properties.batchSize())
                .build();
    }
}
