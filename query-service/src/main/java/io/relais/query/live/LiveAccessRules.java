package io.relais.query.live;

import io.relais.contract.actor.Role;
import io.relais.websupport.security.AccessRules;
import java.util.Arrays;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Every role may open the stream; what it carries is filtered per caller ({@link LiveUpdates}): the tasks the caller
 * may see, and KPIs and SLA alerts only for the roles that may read them.
 */
@Component
class LiveAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers(HttpMethod.GET, LiveController.PATH)
                .hasAnyRole(Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new));
    }
}
