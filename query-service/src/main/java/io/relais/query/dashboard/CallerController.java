package io.relais.query.dashboard;

import io.relais.contract.actor.Actor;
import io.relais.websupport.security.ActorResolver;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller as this service sees them. The dashboard asks it once per login to show only the actions the roles
 * allow, rather than trying an action and reading the refusal (a refusal is a denied attempt in the audit trail).
 */
@RestController
class CallerController {

    private final ActorResolver actors;

    CallerController(ActorResolver actors) {
        this.actors = actors;
    }

    @Operation(summary = "The authenticated caller", description = """
            Name, organisation and roles of the credentials sent, as every endpoint of this service resolves them. \
            Any authenticated caller; anonymous: 401.""")
    @GetMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    Caller me() {
        Actor actor = actors.require();
        return new Caller(actor.name(), actor.organisation(),
                actor.roles().stream().map(Enum::name).sorted().toList());
    }

    record Caller(String name, String organisation, List<String> roles) {
    }
}
