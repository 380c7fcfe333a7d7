package io.relais.websupport.security;

import io.relais.contract.actor.Actor;
import io.relais.contract.actor.Role;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Turns whoever authenticated (local user or JWT) into the {@link Actor} recorded with events. */
public class ActorResolver {

    private final String organisationClaim;

    public ActorResolver(String organisationClaim) {
        this.organisationClaim = organisationClaim;
    }

    /** The actor of the current request, if someone authenticated. */
    public Optional<Actor> current() {
        return resolve(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The actor of the current request; fails where the security rules should have refused the call. */
    public Actor require() {
        return current().orElseThrow(() -> new IllegalStateException("No authenticated actor for this request"));
    }

    public Optional<Actor> resolve(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(new Actor(authentication.getName(), roles(authentication), organisation(authentication)));
    }

    private String organisation(Authentication authentication) {
        if (authentication.getPrincipal() instanceof RelaisUser user) {
            return user.organisation();
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getClaimAsString(organisationClaim);
        }
        return null;
    }

    private static Set<Role> roles(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name.substring(5))) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }
}
