package io.relais.command.personal;

import io.relais.contract.actor.Role;
import io.relais.websupport.security.AccessRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Erasing personal data is the administrator's (README, "Roles and endpoints"). */
@Component
class PersonalDataAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        endpoints.requestMatchers("/api/personal-data/**").hasRole(Role.ADMIN.name());
    }
}
