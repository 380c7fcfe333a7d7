package io.relais.websupport.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A local-mode user: Spring's user plus the organisation the actor is recorded with. */
public class RelaisUser extends User {

    private final String organisation;

    public RelaisUser(String name, String passwordHash, Collection<? extends GrantedAuthority> authorities,
                      String organisation) {
        super(name, passwordHash, authorities);
        this.organisation = organisation;
    }

    public String organisation() {
        return organisation;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
