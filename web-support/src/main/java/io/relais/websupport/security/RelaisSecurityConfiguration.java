package io.relais.websupport.security;

import io.relais.websupport.limits.WriteRateLimit;
import io.relais.websupport.problem.ProblemWriter;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.util.StringUtils;

/**
 * One filter chain for every service: open health and API docs, the service's {@link AccessRules},
 * everything else authenticated; stateless, no sessions, no CSRF (no cookies are ever issued).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class RelaisSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RelaisSecurityConfiguration.class);
    private static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    DeniedResponses deniedResponses(ProblemWriter problems, DeniedAttemptRecorder recorder, Clock clock,
                                    RelaisSecurityProperties properties) {
        return new DeniedResponses(problems, recorder, clock, properties.mode() == RelaisSecurityProperties.Mode.LOCAL);
    }

    @Bean
    SecurityFilterChain relaisSecurityFilterChain(HttpSecurity http, RelaisSecurityProperties properties,
                                                  ObjectProvider<AccessRules> rules, DeniedResponses denied,
                                                  ProblemWriter problems, ObjectProvider<JwtDecoder> jwtDecoder)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .anonymous(Customizer.withDefaults())
                .authorizeHttpRequests(endpoints -> {
                    endpoints.requestMatchers(OPEN).permitAll();
                    rules.orderedStream().forEach(serviceRules -> serviceRules.declare(endpoints));
                    endpoints.anyRequest().authenticated();
                })
                .exceptionHandling(errors -> errors.authenticationEntryPoint(denied).accessDeniedHandler(denied))
                .addFilterAfter(new WriteRateLimit(properties.writeRateLimit().perMinute(), problems),
                        AuthorizationFilter.class);
        if (properties.mode() == RelaisSecurityProperties.Mode.JWT) {
            RelaisSecurityProperties.JwtSettings jwt = properties.jwt();
            http.oauth2ResourceServer(server -> server
                    .jwt(token -> token.decoder(jwtDecoder.getObject())
                            .jwtAuthenticationConverter(new JwtRolesConverter(jwt.nameClaim(), jwt.rolesClaim())))
                    .authenticationEntryPoint(denied)
                    .accessDeniedHandler(denied));
            http.httpBasic(basic -> basic.disable());
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(denied));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService localUsers(RelaisSecurityProperties properties) {
        Map<String, RelaisSecurityProperties.LocalUser> users = new HashMap<>();
        if (properties.mode() == RelaisSecurityProperties.Mode.LOCAL) {
            for (RelaisSecurityProperties.LocalUser user : properties.users()) {
                if (user.passwordHash() == null || !user.passwordHash().startsWith("$2")) {
                    throw new IllegalStateException("Local user " + user.name() + " needs a bcrypt password hash");
                }
                users.put(user.name(), user);
            }
            log.info("Authentication: local mode, {} users", users.size());
        }
        // a fresh RelaisUser per look-up: Spring erases the credentials of the instance it authenticated
        return name -> {
            RelaisSecurityProperties.LocalUser user = users.get(name);
            if (user == null) {
                throw new UsernameNotFoundException("No such user");
            }
            return new RelaisUser(user.name(), user.passwordHash(),
                    user.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList(),
                    user.organisation());
        };
    }

    @Bean
    @ConditionalOnProperty(name = "relais.security.mode", havingValue = "JWT")
    JwtDecoder jwtDecoder(RelaisSecurityProperties properties) {
        RelaisSecurityProperties.JwtSettings jwt = properties.jwt();
        NimbusJwtDecoder decoder;
        if (StringUtils.hasText(jwt.jwkSetUri())) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        } else if (StringUtils.hasText(jwt.issuerUri())) {
            decoder = NimbusJwtDecoder.withIssuerLocation(jwt.issuerUri()).build();
        } else if (jwt.publicKeyLocation() != null) {
            decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(jwt)).build();
        } else {
            throw new IllegalStateException("relais.security.mode=JWT needs RELAIS_JWT_JWK_SET_URI, "
                    + "RELAIS_JWT_ISSUER_URI or RELAIS_JWT_PUBLIC_KEY_LOCATION");
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(StringUtils.hasText(jwt.issuerUri())
                ? JwtValidators.createDefaultWithIssuer(jwt.issuerUri()) : JwtValidators.createDefault());
        if (StringUtils.hasText(jwt.audience())) {
            validators.add(new JwtClaimValidator<List<String>>("aud",
                    audience -> audience != null && audience.contains(jwt.audience())));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        log.info("Authentication: JWT mode (jwk-set-uri={}, issuer-uri={}, public key={})", jwt.jwkSetUri(),
                jwt.issuerUri(), jwt.publicKeyLocation());
        return decoder;
    }

    private static RSAPublicKey readPublicKey(RelaisSecurityProperties.JwtSettings jwt) {
        try (var in = jwt.publicKeyLocation().getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                    .replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jwt.publicKeyLocation(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Not an RSA public key in PEM form: " + jwt.publicKeyLocation(), e);
        }
    }
}
