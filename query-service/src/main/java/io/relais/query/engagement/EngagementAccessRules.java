package io.relais.query.engagement;

import io.relais.contract.actor.Role;
import io.relais.websupport.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may read engagements (README, "Roles and endpoints"): their rates are commercial data, so approvers, admins
 * and auditors only; requesters, agents (not even the provider's own) and viewers get 403.
 */
@Component
class EngagementAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(HttpMethod.GET, "/api/engagements", "/api/engagements/**")
                .hasAnyRole(Role.APPROVER.name(), Role.ADMIN.name(), Role.AUDITOR.name());
    }
}
