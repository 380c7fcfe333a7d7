package io.relais.query.task;

import io.relais.contract.actor.Role;
import io.relais.websupport.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The board's CSV is the board: the same roles as {@code GET /api/board}, the same lines per caller. */
@Component
class BoardCsvAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(HttpMethod.GET, "/api/board/export.csv").hasAnyRole(Role.REQUESTER.name(),
                Role.APPROVER.name(), Role.AGENT.name(), Role.ADMIN.name(), Role.AUDITOR.name());
    }
}
