package io.relais.websupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.relais.websupport.security.JwtRolesConverter;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtRolesConverterTest {

    private final JwtRolesConverter converter = new JwtRolesConverter("preferred_username", "roles");

    @Test
    void shouldReadRolesFromASpaceOrCommaSeparatedString_caseInsensitively() {
        var authentication = converter.convert(jwt("approver, auditor superuser"));

        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_APPROVER", "ROLE_AUDITOR");
        assertThat(authentication.getName()).isEqualTo("marc");
    }

    @Test
    void shouldGrantNoRole_whenTheClaimIsMissing() {
        Jwt token = Jwt.withTokenValue("t").header("alg", "RS256").subject("id-1")
                .issuedAt(Instant.parse("2026-03-16T09:00:00Z")).build();

        var authentication = converter.convert(token);

        assertThat(authentication.getAuthorities()).isEmpty();
        assertThat(authentication.getName()).isEqualTo("id-1");
    }

    private static Jwt jwt(String roles) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("id-7").claim("preferred_username", "marc")
                .claim("roles", roles).issuedAt(Instant.parse("2026-03-16T09:00:00Z")).build();
    }
}
