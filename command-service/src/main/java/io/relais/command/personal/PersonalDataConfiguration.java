package io.relais.command.personal;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Seals personal fields on the way into the event store; shreds keys in the erasing command's transaction. */
@Configuration
@EnableConfigurationProperties(PersonalDataSettings.class)
class PersonalDataConfiguration {

    @Autowired
    void sealPersonalDataBeforeStoring(EventBus eventBus, KeyStore keys) {
        eventBus.registerDispatchInterceptor(new PersonalDataSealing(keys));
    }

    @Autowired
    void shredInTheCommandsTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(KeyShredder.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(KeyShredder.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
