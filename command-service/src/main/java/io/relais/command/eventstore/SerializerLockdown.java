package io.relais.command.eventstore;

import java.util.Map;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The serializer lockdown's first half: the service refuses to start if any Axon serializer in the context is not
 * Jackson behind the {@link AllowListSerializer} — XStream above all, which deserialises arbitrary classes from XML
 * and which Axon still offers (a property, an extension or a stray bean could bring it back).
 */
@Component
class SerializerLockdown implements SmartInitializingSingleton {

    private final ListableBeanFactory beans;

    SerializerLockdown(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void afterSingletonsInstantiated() {
        verify(beans.getBeansOfType(Serializer.class));
    }

    static void verify(Map<String, Serializer> serializers) {
        serializers.forEach((name, serializer) -> {
            boolean locked = serializer instanceof AllowListSerializer allowList
                    && allowList.delegate() instanceof JacksonSerializer;
            if (!locked) {
                throw new IllegalStateException("Serializer '" + name + "' is " + serializer.getClass().getName()
                        + ": Relais stores and reads messages only with Jackson behind its type allow-list"
                        + (serializer.getClass().getName().contains("XStream")
                        ? " (XStream deserialises arbitrary classes; it is refused)" : ""));
            }
        });
    }
}
