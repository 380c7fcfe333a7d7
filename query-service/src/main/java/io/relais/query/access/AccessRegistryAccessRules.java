package io.relais.query.access;

import io.relais.contract.actor.Role;
import io.relais.websupport.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may read the access registry, its history, as-of states and review (README, "Roles and endpoints"): auditors,
 * and admins who manage the grants; everybody else gets 403.
 */
@Component
class AccessRegistryAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(HttpMethod.GET, "/api/access", "/api/access/**")
                .hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name());
    }
}
