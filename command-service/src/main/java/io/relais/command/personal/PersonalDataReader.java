package io.relais.command.personal;

import io.relais.contract.personal.PersonalDataEnvelope;
import org.springframework.stereotype.Component;

/**
 * The command side's one way to read a personal field back: the plain text while the subject's key exists,
 * {@link PersonalDataEnvelope#ERASED} once it was erased, plain (legacy) text as is.
 */
@Component
public class PersonalDataReader {

    private final KeyStore keys;

    PersonalDataReader(KeyStore keys) {
        this.keys = keys;
    }

    /** {@code field} is the JSON property name the value was sealed for ({@code title}, {@code reason}, …). */
    public String reveal(String value, String field) {
        return PersonalDataEnvelope.reveal(value, field, keys::existing);
    }
}
