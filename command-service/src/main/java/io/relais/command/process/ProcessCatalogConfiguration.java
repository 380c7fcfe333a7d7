package io.relais.command.process;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The catalogue's handlers run in a subscribing processor: in the thread, unit of work and transaction of the
 * command whose events they see. Axon's default listener error handler would log a failure and let the
 * command commit with a stale catalogue; propagating it rolls the command back instead.
 */
@Configuration
class ProcessCatalogConfiguration {

    @Autowired
    void subscribeInTheCommandsTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(JdbcProcessCatalog.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(JdbcProcessCatalog.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
