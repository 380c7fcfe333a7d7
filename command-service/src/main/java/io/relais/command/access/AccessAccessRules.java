package io.relais.command.access;

import io.relais.contract.actor.Role;
import io.relais.websupport.security.AccessRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Granting, revoking and reviewing access is the back-office owner's: ADMIN only (README, "Roles and endpoints"). */
@Component
class AccessAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers("/api/access/grants", "/api/access/grants/**").hasRole(Role.ADMIN.name());
    }
}
