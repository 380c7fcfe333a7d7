package io.relais.websupport.security;

import io.relais.contract.actor.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads the Relais roles from a configurable claim (a list or a space/comma separated string) and the
 * name from a configurable claim. Values that are not Relais roles are ignored, never mapped.
 */
public class JwtRolesConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String nameClaim;
    private final String rolesClaim;

    public JwtRolesConverter(String nameClaim, String rolesClaim) {
        this.nameClaim = nameClaim;
        this.rolesClaim = rolesClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String name = jwt.getClaimAsString(nameClaim);
        return new JwtAuthenticationToken(jwt, authorities(jwt), name == null ? jwt.getSubject() : name);
    }

    private Collection<GrantedAuthority> authorities(Jwt jwt) {
        Object claim = jwt.getClaims().get(rolesClaim);
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(value -> values.add(String.valueOf(value)));
        } else if (claim instanceof String text) {
            values.addAll(List.of(text.split("[ ,]+")));
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String value : values) {
            String candidate = value.strip().toUpperCase(Locale.ROOT);
            for (Role role : Role.values()) {
                if (role.name().equals(candidate)) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
                }
            }
        }
        return authorities;
    }
}
