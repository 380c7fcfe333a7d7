package io.relais.kpi;

import io.relais.contract.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record kpi-streams cannot decode is a dead letter: copied, key, value and headers as read, to
 * {@code <topic>.dlt.kpi-streams} ({@link Topics#deadLetter}) with the reason and its original position in the same
 * headers query-service's dead letters carry, then skipped. The copy is acknowledged (acks=all) before the record is
 * skipped; if it cannot be written the app stops ({@code FAIL}) rather than lose the record silently. The copy is
 * not part of the exactly-once transaction: a task reprocessed after a crash may copy a record twice.
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    /** The consumer name in the dead-letter topics' names. */
    public static final String CONSUMER = "kpi-streams";
    public static final String REASON_HEADER = "relais_dlt_reason";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private Producer<byte[], byte[]> producer;

    @Override
    public void configure(Map<String, ?> configs) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, configs.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-dead-letters");
        producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        String reason = exception.getClass().getSimpleName() + ": " + exception.getMessage();
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(Integer.BYTES).putInt(record.partition())
                .array());
        headers.add("kafka_dlt-original-offset", ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        String deadLetters = Topics.deadLetterName(record.topic(), CONSUMER);
        try {
            producer.send(new ProducerRecord<>(deadLetters, record.partition(), record.timestamp(), record.key(),
                    record.value(), headers)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            log.error("Dead letter {}-{}@{} copied to {}: {}", record.topic(), record.partition(), record.offset(),
                    deadLetters, reason);
            return DeserializationHandlerResponse.CONTINUE;
        } catch (Exception notCopied) {
            log.error("Dead letter {}-{}@{} could not be copied to {}: stopping rather than losing it", record.topic(),
                    record.partition(), record.offset(), deadLetters, notCopied);
            return DeserializationHandlerResponse.FAIL;
        }
    }
}
