package io.relais.query.projection;

/**
 * An event of a type this reader does not know (from a newer producer), as each feature's decoder returns it. The
 * projection records its sequence, so the aggregate's later events still apply, and applies nothing else;
 * {@link #setAsideIfUnknown} then makes it a dead letter, where a newer reader, or a person, can find it.
 */
public interface UnknownEventType {

    String aggregateId();

    long sequence();

    String cloudEventType();

    /** Call after the projection applied {@code event}: an unknown type goes on to the dead-letter topic. */
    static void setAsideIfUnknown(Object event) {
        if (event instanceof UnknownEventType unknown) {
            throw new InvalidRecordException("unknown event type " + unknown.cloudEventType() + " ("
                    + unknown.aggregateId() + "#" + unknown.sequence()
                    + "): its sequence is recorded, nothing else applied");
        }
    }
}
