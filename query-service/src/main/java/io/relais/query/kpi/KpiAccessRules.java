package io.relais.query.kpi;

import io.relais.contract.actor.Role;
import io.relais.websupport.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** KPIs and SLA alerts are company-wide figures: for the people who steer (README, "Roles and endpoints"). */
@Component
class KpiAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(HttpMethod.GET, "/api/kpis", "/api/kpis/**", "/api/sla-alerts").hasAnyRole(Role.APPROVER.name(),
                Role.ADMIN.name(), Role.AUDITOR.name(), Role.VIEWER.name());
    }
}
