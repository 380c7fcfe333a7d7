package io.relais.query.review;

import io.relais.contract.actor.Role;
import io.relais.websupport.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The weekly review is company-wide figures, read by those who read the KPIs (kpi/KpiAccessRules); generating one on
 * demand is the admin's.
 */
@Component
class WeeklyReviewAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(HttpMethod.GET, "/api/reviews/weekly", "/api/reviews/weekly/**")
                .hasAnyRole(Role.APPROVER.name(), Role.ADMIN.name(), Role.AUDITOR.name(), Role.VIEWER.name());
        endpoints.requestMatchers(HttpMethod.POST, "/api/reviews/weekly").hasRole(Role.ADMIN.name());
    }
}
