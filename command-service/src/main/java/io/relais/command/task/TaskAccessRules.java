package io.relais.command.task;

import static io.relais.contract.actor.Role.ADMIN;
import static io.relais.contract.actor.Role.AGENT;
import static io.relais.contract.actor.Role.APPROVER;
import static io.relais.contract.actor.Role.REQUESTER;

import io.relais.contract.actor.Role;
import io.relais.websupport.security.AccessRules;
import java.util.Arrays;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may send which task command (README, "Roles and endpoints"). Which tasks each caller may act on is
 * decided by the task itself: its requester, or agents of the provider it is assigned to, or approvers.
 */
@Component
class TaskAccessRules implements AccessRules {

    @Override
    public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
        allow(endpoints, "/api/tasks", REQUESTER, APPROVER);
        allow(endpoints, "/api/tasks/*/assignment", APPROVER);
        allow(endpoints, "/api/tasks/*/start", AGENT);
        allow(endpoints, "/api/tasks/*/hold", AGENT, APPROVER);
        allow(endpoints, "/api/tasks/*/resumption", AGENT, APPROVER);
        allow(endpoints, "/api/tasks/*/completion", AGENT);
        allow(endpoints, "/api/tasks/*/approval", APPROVER);
        allow(endpoints, "/api/tasks/*/rework", APPROVER);
        allow(endpoints, "/api/tasks/*/escalation", REQUESTER, APPROVER, AGENT);
        allow(endpoints, "/api/tasks/*/priority", APPROVER);
        allow(endpoints, "/api/tasks/*/cancellation", REQUESTER, APPROVER);
        allow(endpoints, "/api/tasks/*/rating", REQUESTER);
        allow(endpoints, "/api/tasks/*/incidents", REQUESTER, APPROVER, AGENT, ADMIN);
    }

    private static void allow(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints,
                              String path, Role... roles) {
        endpoints.requestMatchers(HttpMethod.POST, path)
                .hasAnyRole(Arrays.stream(roles).map(Role::name).toArray(String[]::new));
    }
}
