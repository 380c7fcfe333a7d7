package io.relais.command.access;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The registry and its reactions run in a subscribing processor, in the command's transaction: a failure there
 * (a revocation an engagement's end causes, a task flag) rolls the whole command back instead of being logged away.
 */
@Configuration
class AccessRegistryConfiguration {

    @Autowired
    void subscribeInTheCommandsTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(JdbcAccessRegistry.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(JdbcAccessRegistry.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
