package io.relais.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run on a machine without a Docker engine, so this checks the part that
 * silently rots: every variable it hands a service must be one that service actually reads.
 */
class DockerComposeEnvironmentTest {

    private static final Path ROOT = Path.of("..");
    private static final Map<String, String> SERVICE_MODULES = Map.of(
            "command-service", "command-service",
            "query-service", "query-service",
            "kpi-streams", "kpi-streams");

    @Test
    void shouldOnlySetVariablesThatEachServiceReads() throws IOException {
        Map<String, Object> compose = load(ROOT.resolve("docker-compose.yml"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        for (var module : SERVICE_MODULES.entrySet()) {
            assertThat(services).as("docker-compose defines %s", module.getKey()).containsKey(module.getKey());
            Set<String> read = variablesRead(module.getValue());
            Set<String> set = variablesSet(services.get(module.getKey()));

            assertThat(set).as("variables docker-compose sets for %s", module.getKey()).isNotEmpty();
            assertThat(read).as("variables %s reads", module.getKey()).containsAll(set);
        }
    }

    @Test
    void shouldPointEveryServiceAtTheComposeKafkaAndDatabase() throws IOException {
        Map<String, Object> compose = load(ROOT.resolve("docker-compose.yml"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        for (String service : SERVICE_MODULES.keySet()) {
            Map<String, String> environment = environment(services.get(service));
            assertThat(environment.get("RELAIS_KAFKA_BOOTSTRAP_SERVERS")).as(service).startsWith("kafka:");
        }
        assertThat(environment(services.get("command-service")).get("RELAIS_COMMAND_DB_URL")).contains("//postgres:");
        assertThat(environment(services.get("query-service")).get("RELAIS_QUERY_DB_URL")).contains("//postgres:");
    }

    /** What the service's own settings read, plus the shared web settings it imports. */
    private static Set<String> variablesRead(String module) throws IOException {
        String config = Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.yml"));
        if (config.contains("classpath:relais-web.yml")) {
            config += Files.readString(ROOT.resolve("web-support/src/main/resources/relais-web.yml"));
        }
        Matcher matcher = Pattern.compile("\\$\\{(RELAIS_[A-Z0-9_]+)").matcher(config);
        Set<String> names = new TreeSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Set<String> variablesSet(Map<String, Object> service) {
        return new TreeSet<>(environment(service).keySet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        assertThat(environment).as("environment as a map").isInstanceOf(Map.class);
        Map<String, String> values = new java.util.TreeMap<>();
        ((Map<String, Object>) environment).forEach((key, value) -> values.put(key, String.valueOf(value)));
        return values;
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        }
    }
}
