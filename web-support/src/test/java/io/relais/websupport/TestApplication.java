package io.relais.websupport;

import io.relais.contract.actor.Actor;
import io.relais.contract.actor.Role;
import io.relais.websupport.security.AccessRules;
import io.relais.websupport.security.ActorResolver;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service using web-support as the real ones do: one read open to any role, one write for approvers. */
@SpringBootApplication
public class TestApplication {

    @Bean
    AccessRules testRules() {
        return endpoints -> endpoints.requestMatchers(HttpMethod.POST, "/api/approvals").hasRole(Role.APPROVER.name());
    }

    @RestController
    static class WhoAmI {
        private final ActorResolver actors;

        WhoAmI(ActorResolver actors) {
            this.actors = actors;
        }

        @GetMapping("/api/me")
        Actor me() {
            return actors.require();
        }

        @PostMapping("/api/approvals")
        Map<String, String> approve() {
            return Map.of("approvedBy", actors.require().name());
        }
    }
}
