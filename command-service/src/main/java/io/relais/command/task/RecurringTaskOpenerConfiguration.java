package io.relais.command.task;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration
class RecurringTaskOpenerConfiguration {

    /** A failed opening is retried from the processor's token rather than logged and skipped. */
    @Autowired
    void retryFailedOpenings(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(RecurringTaskOpener.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
