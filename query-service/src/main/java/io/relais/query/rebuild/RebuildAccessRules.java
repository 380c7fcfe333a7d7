package io.relais.query.rebuild;

import io.relais.contract.actor.Role;
import io.relais.websupport.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Projection administration (README, "Rebuild"): only ADMIN starts a rebuild; ADMIN and AUDITOR read the checksums and
 * a rebuild's progress; everybody else 403.
 */
@Component
class RebuildAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(HttpMethod.POST, ProjectionAdminController.BASE + "/rebuild")
                .hasRole(Role.ADMIN.name());
        endpoints.requestMatchers(HttpMethod.GET, ProjectionAdminController.BASE + "/checksums",
                        ProjectionAdminController.BASE + "/rebuild/*")
                .hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name());
        endpoints.requestMatchers(ProjectionAdminController.BASE, ProjectionAdminController.BASE + "/**")
                .hasRole(Role.ADMIN.name());
    }
}
