package io.relais.websupport.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's role × endpoint matrix, declared in one place per service (and copied into the README).
 * Health, info and the API documentation are open; anything not named here needs an authenticated
 * caller and nothing more, so every endpoint should be named.
 */
@FunctionalInterface
public interface AccessRules {

    void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints);
}
