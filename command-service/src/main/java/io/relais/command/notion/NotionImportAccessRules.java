package io.relais.command.notion;

import io.relais.contract.actor.Role;
import io.relais.websupport.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The Notion import writes procedures (ADMIN's, as {@code /api/processes}) and tasks for a whole board (an
 * APPROVER's): only they reach it. Which of the two parts each may import, {@link NotionImport} decides from
 * {@code include}.
 */
@Component
class NotionImportAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(HttpMethod.POST, "/api/imports/notion")
                .hasAnyRole(Role.ADMIN.name(), Role.APPROVER.name());
    }
}
