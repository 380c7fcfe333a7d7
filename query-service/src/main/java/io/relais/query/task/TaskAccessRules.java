package io.relais.query.task;

import io.relais.contract.actor.Role;
import io.relais.websupport.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may read tasks (README, "Roles and endpoints"); which tasks each may see is {@link TaskVisibility}. */
@Component
class TaskAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(HttpMethod.GET, "/api/tasks", "/api/tasks/**", "/api/board").hasAnyRole(Role.REQUESTER.name(),
                Role.APPROVER.name(), Role.AGENT.name(), Role.ADMIN.name(), Role.AUDITOR.name());
    }
}
