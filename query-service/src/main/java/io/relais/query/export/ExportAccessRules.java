package io.relais.query.export;

import io.relais.contract.actor.Role;
import io.relais.websupport.security.AccessRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The full export holds everything (rates, access registry, audit trail, personal text): auditors and admins only
 * (README, "Roles and endpoints"); everybody else gets 403.
 */
@Component
class ExportAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers("/api/exports", "/api/exports/**")
                .hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name());
    }
}
