package io.relais.command.actor;

import io.relais.contract.actor.Actor;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * Keys under which the actor and the request's correlation id travel in Axon metadata: from the command
 * (set at dispatch from the authenticated principal) to every event it causes, then to Kafka.
 */
public final class ActorMetadata {

    public static final String ACTOR = "relais.actor";
    public static final String ACTOR_ROLES = "relais.actorRoles";
    public static final String ACTOR_ORGANISATION = "relais.actorOrganisation";
    public static final String CORRELATION_ID = "relais.correlationId";

    private ActorMetadata() {
    }

    public static Map<String, String> of(Actor actor, String correlationId) {
        Map<String, String> values = new HashMap<>();
        values.put(ACTOR, actor.name());
        values.put(ACTOR_ROLES, actor.rolesAsText());
        if (actor.organisation() != null) {
            values.put(ACTOR_ORGANISATION, actor.organisation());
        }
        if (correlationId != null) {
            values.put(CORRELATION_ID, correlationId);
        }
        return values;
    }

    public static String get(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
