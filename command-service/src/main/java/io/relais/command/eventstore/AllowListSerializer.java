package io.relais.command.eventstore;

import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

/**
 * The serializer lockdown's second half: what Axon reads back (events, snapshots, tokens, deadlines) names its own
 * class, and Jackson would instantiate whatever class a row names. A stored type outside Relais' own classes, Axon's
 * and a few plain JDK values is refused with a {@link SerializationException} before any class is loaded, so a
 * forged row cannot make the service build an arbitrary object.
 */
final class AllowListSerializer implements Serializer {

    static final List<String> ALLOWED_PREFIXES = List.of("io.relais.", "org.axonframework.");
    static final Set<String> ALLOWED_TYPES = Set.of("empty", "java.lang.String", "java.lang.Long", "java.lang.Integer",
            "java.lang.Boolean", "java.util.UUID", "java.time.Instant", "[B");

    private final Serializer delegate;

    AllowListSerializer(Serializer delegate) {
        this.delegate = delegate;
    }

    Serializer delegate() {
        return delegate;
    }

    static boolean allowed(String typeName) {
        return typeName != null && (ALLOWED_TYPES.contains(typeName)
                || ALLOWED_PREFIXES.stream().anyMatch(typeName::startsWith));
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return delegate.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        refuseUnlisted(serializedObject.getType());
        return delegate.deserialize(serializedObject);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        refuseUnlisted(type);
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private static void refuseUnlisted(SerializedType type) {
        if (type != null && !allowed(type.getName())) {
            throw new SerializationException("Refused to read a stored " + type.getName()
                    + ": not a Relais, Axon or plain JDK value type");
        }
    }
}
