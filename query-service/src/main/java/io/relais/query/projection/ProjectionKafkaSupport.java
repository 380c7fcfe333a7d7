package io.relais.query.projection;

import io.relais.contract.TopicSpec;
import io.relais.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How every projection consumes its topic: what is retried, what is skipped, and when offsets are committed.
 *
 * <ul>
 *   <li>A record that cannot be decoded ({@link DeserializationException}) or whose content the contract
 *       forbids ({@link InvalidRecordException}) is a dead letter: it is copied, key, value and headers as read, to
 *       {@code <topic>.dlt.query} ({@link Topics#deadLetter}) with the reason ({@value #REASON_HEADER}) and Spring
 *       Kafka's {@code kafka_dlt-original-*} headers (topic, partition, offset, consumer group), then its
 *       offset is committed: it never blocks the records behind it in its partition, and it is never lost. If
 *       the copy cannot be written, the record is not committed and is tried again.</li>
 *   <li>Any other failure (the database is down, a deadlock) is retried with back-off, without end: skipping
 *       a valid event would lose it from the projection for good.</li>
 *   <li>The offset is committed after each record, once the listener returned, i.e. after its database
 *       transaction committed. A crash in between re-delivers the record; the projection's sequence check
 *       makes that a no-op.</li>
 * </ul>
 */
@Component
public class ProjectionKafkaSupport {

    private static final Logger log = LoggerFactory.getLogger(ProjectionKafkaSupport.class);
    /** The consumer name in the dead-letter topics' names. */
    public static final String DEAD_LETTER_CONSUMER = "query";
    public static final String REASON_HEADER = "relais_dlt_reason";

    private final KafkaProperties kafka;
    private final SslBundles sslBundles;
    private final ProjectionKafkaProperties properties;

    private final KafkaTemplate<String, Object> deadLetters;

    ProjectionKafkaSupport(KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles,
                           ProjectionKafkaProperties properties) {
        this.kafka = kafka;
        this.sslBundles = sslBundles.getIfAvailable();
        this.properties = properties;
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties(this.sslBundles));
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer, new StringSerializer(),
                new DeadLetterValueSerializer()));
    }

    /** A listener container factory for records with String keys and values read by {@code valueDeserializer}. */
    public <V> ConcurrentKafkaListenerContainerFactory<String, V> listenerFactory(
            Supplier<Deserializer<V>> valueDeserializer) {
        var consumers = new DefaultKafkaConsumerFactory<String, V>(kafka.buildConsumerProperties(sslBundles),
                StringDeserializer::new, () -> new ErrorHandlingDeserializer<>(valueDeserializer.get()));
        var factory = new ConcurrentKafkaListenerContainerFactory<String, V>();
        factory.setConsumerFactory(consumers);
        factory.setCommonErrorHandler(errorHandler());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        return factory;
    }

    /** The topic as the contract specifies it; KafkaAdmin creates it at start-up if it is missing. */
    public NewTopic topic(TopicSpec spec) {
        return TopicBuilder.name(spec.name())
                .partitions(spec.partitions())
                .replicas(properties.replicationFactor())
                .configs(spec.topicConfigs())
                .build();
    }

    /** The dead-letter topic of every topic this service consumes; KafkaAdmin creates those that are missing. */
    public KafkaAdmin.NewTopics deadLetterTopics() {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(source -> topic(Topics.deadLetter(source, DEAD_LETTER_CONSUMER))).toArray(NewTopic[]::new));
    }

    private DefaultErrorHandler errorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, failure) -> new TopicPartition(Topics.deadLetterName(record.topic(), DEAD_LETTER_CONSUMER),
                        record.partition()));
        recoverer.setHeadersFunction((record, failure) -> {
            Headers headers = new RecordHeaders();
            headers.add(REASON_HEADER, describe(failure).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            recoverer.accept(record, failure);
            log.error("Dead letter {} (key {}) copied to {}: {}", position(record), record.key(),
                    Topics.deadLetterName(record.topic(), DEAD_LETTER_CONSUMER), describe(failure));
        }, backOff);
        handler.addNotRetryableExceptions(InvalidRecordException.class);
        handler.setRetryListeners((record, failure, attempt) -> log.warn(
                "Projecting {} failed (attempt {}): {}", position(record), attempt, describe(failure)));
        return handler;
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** Our own explanation if there is one, else the innermost cause (the container's wrappers say nothing). */
    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (true) {
            if (cause instanceof InvalidRecordException invalid) {
                return invalid.getMessage();
            }
            if (cause.getCause() == null || cause.getCause() == cause) {
                return cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
            cause = cause.getCause();
        }
    }
}
