package io.relais.websupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.relais.websupport.correlation.CorrelationId;
import io.relais.websupport.limits.RequestBodyAllowance;
import io.relais.websupport.limits.RequestBodyLimit;
import io.relais.websupport.problem.ProblemErrorController;
import io.relais.websupport.problem.ProblemResponses;
import io.relais.websupport.problem.ProblemWriter;
import io.relais.websupport.problem.StoreUnavailableResponses;
import io.relais.websupport.problem.TomcatErrorReport;
import io.relais.websupport.security.ActorResolver;
import io.relais.websupport.security.DeniedAttemptRecorder;
import io.relais.websupport.security.JdbcDeniedAttemptRecorder;
import io.relais.websupport.security.LoggingDeniedAttemptRecorder;
import io.relais.websupport.security.RelaisSecurityConfiguration;
import io.relais.websupport.security.RelaisSecurityProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every Relais HTTP service gets by depending on web-support: authentication and the actor,
 * problem+json errors, denied-attempt records, correlation ids and request limits.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RelaisSecurityProperties.class)
@Import(RelaisSecurityConfiguration.class)
public class RelaisWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProblemWriter problemWriter(ObjectMapper json) {
        return new ProblemWriter(json);
    }

    /** Being a ResponseEntityExceptionHandler, it replaces Spring Boot's default problem-details handler. */
    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    StoreUnavailableResponses storeUnavailableResponses() {
        return new StoreUnavailableResponses();
    }

    /** Replaces Spring Boot's error page: problem+json for what never reaches a controller advice. */
    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    TomcatErrorReport tomcatErrorReport() {
        return new TomcatErrorReport();
    }

    @Bean
    ActorResolver actorResolver(RelaisSecurityProperties properties) {
        return new ActorResolver(properties.jwt().organisationClaim());
    }

    /** Without a database (kpi-streams), the log is the record. */
    @Bean
    @ConditionalOnMissingBean
    DeniedAttemptRecorder deniedAttemptRecorder() {
        return new LoggingDeniedAttemptRecorder();
    }

    @Bean
    FilterRegistrationBean<CorrelationId> correlationIdFilter() {
        FilterRegistrationBean<CorrelationId> registration = new FilterRegistrationBean<>(new CorrelationId());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimitFilter(
            @Value("${relais.http.max-body-bytes:65536}") long maxBodyBytes,
            ObjectProvider<RequestBodyAllowance> allowances, ProblemWriter problems) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(maxBodyBytes, allowances.orderedStream().toList(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Request bodies are typed strictly: a number or a boolean where text is expected is a 400, not text (Jackson
     * converts scalars to strings by default; found by command-service's BadInputCorpusIT).
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictRequestTypes() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** Services with a database keep denied attempts in it (member classes are read before the beans above). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.jdbc.core.simple.JdbcClient")
    static class DatabaseDeniedAttempts {

        @Bean
        @ConditionalOnMissingBean
        DeniedAttemptRecorder deniedAttemptRecorder(ObjectProvider<JdbcClient> jdbc,
                                                    @Value("${spring.application.name:relais}") String service) {
            JdbcClient client = jdbc.getIfAvailable();
            return client == null ? new LoggingDeniedAttemptRecorder() : new JdbcDeniedAttemptRecorder(client, service);
        }
    }

    /** Services with a database keep denied attempts in it: add web-support's migration to theirs. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
    static class SecurityEventMigrations {

        @Bean
        FlywayConfigurationCustomizer securityEventMigrations() {
            return configuration -> {
                List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
                locations.add(new Location("classpath:db/security"));
                configuration.locations(locations.toArray(Location[]::new));
            };
        }
    }
}
