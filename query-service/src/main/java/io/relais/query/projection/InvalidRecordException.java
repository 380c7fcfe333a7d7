package io.relais.query.projection;

/**
 * A record whose content can never be projected (missing attribute, malformed data, values the contract
 * forbids). Retrying cannot help, so the record is logged and skipped instead of blocking its partition.
 */
public class InvalidRecordException extends RuntimeException {

    public InvalidRecordException(String message) {
        super(message);
    }

    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * An event of a type this reader does not know (from a newer producer): the projection records its sequence
     * (the aggregate's later events still apply) and does nothing else; this makes the record a dead letter too,
     * so that it is set aside where a newer reader, or a person, can find it.
     */
    public static InvalidRecordException unknownType(String cloudEventType, String aggregateId, long sequence) {
        return new InvalidRecordException("unknown event type " + cloudEventType + " (" + aggregateId + "#" + sequence
                + "): its sequence is recorded, nothing else applied");
    }
}
