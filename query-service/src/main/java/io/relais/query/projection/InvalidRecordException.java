package io.relais.query.projection;

/**
 * A record whose content can never be projected (missing attribute, malformed data, values the contract
 * forbids). Retrying cannot help, so the record is set aside on its dead-letter topic
 * ({@link ProjectionKafkaSupport}) instead of blocking its partition.
 */
public class InvalidRecordException extends RuntimeException {

    public InvalidRecordException(String message) {
        super(message);
    }

    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
