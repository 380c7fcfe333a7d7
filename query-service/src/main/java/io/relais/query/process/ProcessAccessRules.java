package io.relais.query.process;

import io.relais.contract.actor.Role;
import io.relais.websupport.security.AccessRules;
import java.util.Arrays;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may read procedures (README, "Roles and endpoints"): every Relais role. The agent needs the SOP to do the
 * work, the requester to know what to ask for, the auditor and the direction to see how work is formalised. A
 * caller authenticated without any Relais role (a token whose roles are all foreign) is refused.
 */
@Component
class ProcessAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(HttpMethod.GET, "/api/processes", "/api/processes/**")
                .hasAnyRole(Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new));
    }
}
