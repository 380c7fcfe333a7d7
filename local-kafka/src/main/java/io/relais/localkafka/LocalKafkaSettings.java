package io.relais.localkafka;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local broker listens and keeps its data. Read from the same {@code RELAIS_*} variables as
 * bin/relais-run, with the defaults of a developer machine.
 *
 * @param port           the client listener (PLAINTEXT)
 * @param controllerPort the KRaft controller listener
 * @param dataDirectory  the broker's single log directory; formatted on first start, reused afterwards
 */
public record LocalKafkaSettings(int port, int controllerPort, Path dataDirectory) {

    /** Loopback only: this broker has no authentication and must not be reachable from the network. */
    public static final String HOST = "127.0.0.1";

    static final String PORT_VARIABLE = "RELAIS_KAFKA_PORT";
    static final String CONTROLLER_PORT_VARIABLE = "RELAIS_KAFKA_CONTROLLER_PORT";
    static final String DATA_DIRECTORY_VARIABLE = "RELAIS_KAFKA_DATA_DIR";

    static final int DEFAULT_PORT = 9092;
    static final int DEFAULT_CONTROLLER_PORT = 9093;
    static final String DEFAULT_DATA_DIRECTORY = ".run/kafka-data";

    public LocalKafkaSettings {
        requirePort(port, PORT_VARIABLE);
        requirePort(controllerPort, CONTROLLER_PORT_VARIABLE);
        if (port == controllerPort) {
            throw new IllegalArgumentException(
                    PORT_VARIABLE + " and " + CONTROLLER_PORT_VARIABLE + " must differ, both are " + port);
        }
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    public static LocalKafkaSettings fromEnvironment(Map<String, String> environment) {
        return new LocalKafkaSettings(
                portFrom(environment, PORT_VARIABLE, DEFAULT_PORT),
                portFrom(environment, CONTROLLER_PORT_VARIABLE, DEFAULT_CONTROLLER_PORT),
                Path.of(valueOrDefault(environment, DATA_DIRECTORY_VARIABLE, DEFAULT_DATA_DIRECTORY)));
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    private static int portFrom(Map<String, String> environment, String variable, int defaultPort) {
        String value = valueOrDefault(environment, variable, Integer.toString(defaultPort));
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(variable + " must be a port number, was '" + value + "'");
        }
    }

    private static String valueOrDefault(Map<String, String> environment, String variable, String defaultValue) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    private static void requirePort(int port, String variable) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(variable + " must be between 1 and 65535, was " + port);
        }
    }
}
