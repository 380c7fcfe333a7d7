package io.relais.command.personal;

import io.relais.command.personal.PersonalDataCommands.EraseSubject;
import io.relais.contract.personal.ErasureCause;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** The one way personal data is erased, for an administrator's request and for the retention purge alike. */
@Service
class PersonalDataErasure {

    private final CommandGateway commands;
    private final KeyStore keys;

    PersonalDataErasure(CommandGateway commands, KeyStore keys) {
        this.commands = commands;
        this.keys = keys;
    }

    KeyStore.State state(String subjectId) {
        return keys.state(subjectId);
    }

    void erase(String subjectId, String reason, ErasureCause cause, String erasedBy, Instant at) {
        commands.sendAndWait(new EraseSubject(subjectId, reason, cause, erasedBy, at));
    }
}
