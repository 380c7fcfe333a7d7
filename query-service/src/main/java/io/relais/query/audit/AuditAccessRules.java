package io.relais.query.audit;

import io.relais.contract.actor.Role;
import io.relais.websupport.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The raw trail and its verification (README, "Roles and endpoints"): auditors and admins; everybody else 403. */
@Component
class AuditAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(HttpMethod.GET, "/api/audit", "/api/audit/**")
                .hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name());
    }
}
