package io.relais.command.actor;

import io.relais.websupport.correlation.CorrelationId;
import io.relais.websupport.security.ActorResolver;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The actor of every event is the authenticated caller: a dispatch interceptor stamps each command with
 * it (request bodies never carry it), and Axon copies those metadata entries onto the events the command
 * causes.
 */
@Configuration
class ActorConfiguration {

    @Autowired
    void stampCommandsWithTheCaller(CommandBus commandBus, ActorResolver actors) {
        commandBus.registerDispatchInterceptor(new StampActor(actors));
    }

    /** Copies the actor onto events; Axon's own origin provider keeps its correlation and trace ids. */
    @Bean
    static CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ActorMetadata.ACTOR, ActorMetadata.ACTOR_ROLES,
                ActorMetadata.ACTOR_ORGANISATION, ActorMetadata.CORRELATION_ID);
    }

    @Bean
    static CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    private record StampActor(ActorResolver actors) implements MessageDispatchInterceptor<CommandMessage<?>> {

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                var actor = actors.current();
                return actor.isEmpty() ? command
                        : command.andMetaData(ActorMetadata.of(actor.get(), CorrelationId.current()));
            };
        }
    }
}
