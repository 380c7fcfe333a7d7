package io.relais.query;

import io.relais.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * The service started (and stopped, and started again) by a test itself, as a deployment restarts it: on a database and
 * a broker of the test's own, which outlive each run. Tests that restart the service use this instead of a Spring test
 * context, which lives as long as the test class.
 */
public final class StandaloneQueryService {

    private StandaloneQueryService() {
    }

    /** Starts the service on a random port; {@code settings} are further {@code name=value} properties. */
    public static ConfigurableApplicationContext start(TestDatabase database, EmbeddedKafkaBroker broker,
                                                       String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                // the key store is the command database in a deployment; here, the test database holds the table
                "--relais.personal-data.keys-url=" + database.url(),
                "--relais.personal-data.keys-user=" + database.user(),
                "--relais.personal-data.keys-password=" + database.password()));
        for (String setting : settings) {
            arguments.add("--" + setting);
        }
        return new SpringApplicationBuilder(QueryServiceApplication.class).run(arguments.toArray(String[]::new));
    }
}
