package io.relais.command.engagement;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The registry's handlers run in a subscribing processor: in the thread, unit of work and transaction of the
 * command whose events they see. Axon's default listener error handler would log a failure and let the
 * command commit with a stale registry (or an agent in two engagements); propagating it rolls the command back.
 */
@Configuration
class EngagementRegistryConfiguration {

    @Autowired
    void subscribeInTheCommandsTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(JdbcEngagementRegistry.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(JdbcEngagementRegistry.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
