package io.relais.command.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Jackson for everything Axon stores (events, snapshots, tokens, deadlines), tolerant where the web layer is
 * strict: a request with an unknown field is refused, but an event stored by another version of the code must
 * still be read (a field added later is absent from old events, a field removed later is extra in them).
 * Stored events are never rejected; their evolution is the contract's versioning and upcasters' business.
 */
@Configuration
class StoredMessageSerialization {

    @Bean
    @Primary
    Serializer serializer(ObjectMapper web) {
        return jackson(web);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper web) {
        return jackson(web);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(ObjectMapper web) {
        return jackson(web);
    }

    private static Serializer jackson(ObjectMapper web) {
        ObjectMapper stored = web.copy()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // what was stored is read as tolerantly as Jackson allows, whatever the REST layer refuses
        stored.setConfig(stored.getDeserializationConfig().with(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS));
        stored.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.TryConvert)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.TryConvert)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.TryConvert);
        return new AllowListSerializer(JacksonSerializer.builder().objectMapper(stored).lenientDeserialization()
                .build());
    }
}
