package io.relais.contract.personal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text component of an event record as personal data: free text that may name or describe a person
 * (a client, a colleague, a third party). On the event store and on Kafka it holds a {@link PersonalDataEnvelope}
 * encrypted with the key of the event's {@link DataSubjects data subject}, never the plain text; once that subject
 * is erased, every reader shows {@link PersonalDataEnvelope#ERASED} instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Personal {
}
