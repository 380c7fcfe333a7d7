package io.relais.websupport.security;

import io.relais.contract.actor.Role;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * How callers authenticate. {@code LOCAL}: users listed in configuration with bcrypt hashes, HTTP Basic
 * (the run command and tests). {@code JWT}: an OAuth2 resource server trusting one issuer (production).
 */
@ConfigurationProperties("relais.security")
public record RelaisSecurityProperties(@DefaultValue("LOCAL") Mode mode,
                                       @DefaultValue List<LocalUser> users,
                                       @DefaultValue JwtSettings jwt,
                                       @DefaultValue RateLimit writeRateLimit) {

    public enum Mode { LOCAL, JWT }

    /** A user of the local mode; {@code passwordHash} is a bcrypt hash, never a clear password. */
    public record LocalUser(String name, String passwordHash, List<Role> roles, String organisation) {
    }

    /**
     * Where the signing keys come from (first set wins: JWK set URI, issuer URI, public key) and which
     * claims carry the name, the roles and the organisation.
     */
    public record JwtSettings(String jwkSetUri, String issuerUri, Resource publicKeyLocation, String audience,
                              @DefaultValue("sub") String nameClaim,
                              @DefaultValue("roles") String rolesClaim,
                              @DefaultValue("org") String organisationClaim) {
    }

    /** Writes (POST, PUT, PATCH, DELETE) each principal may send per minute. */
    public record RateLimit(@DefaultValue("120") int perMinute) {
    }
}
