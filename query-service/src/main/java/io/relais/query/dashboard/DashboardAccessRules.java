package io.relais.query.dashboard;

import io.relais.websupport.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The dashboard page and its assets hold no data: anyone may load them. Every figure they show comes from the API,
 * which asks for credentials as always.
 */
@Component
class DashboardAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(HttpMethod.GET, "/", "/dashboard", "/dashboard/**", "/webjars/**").permitAll();
    }
}
