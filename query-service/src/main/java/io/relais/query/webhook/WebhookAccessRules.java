package io.relais.query.webhook;

import io.relais.contract.actor.Role;
import io.relais.websupport.security.AccessRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Webhooks send events out of Relais, to URLs they name: administrators only (README, "Roles and endpoints"); everybody
 * else gets 403.
 */
@Component
class WebhookAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers("/api/webhooks", "/api/webhooks/**").hasRole(Role.ADMIN.name());
    }
}
