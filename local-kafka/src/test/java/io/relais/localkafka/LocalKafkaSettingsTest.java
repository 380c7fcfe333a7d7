package io.relais.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalKafkaSettingsTest {

    @Test
    void shouldUseTheDeveloperDefaults_whenNoVariableIsSet() {
        LocalKafkaSettings settings = LocalKafkaSettings.fromEnvironment(Map.of());

        assertThat(settings.port()).isEqualTo(9092);
        assertThat(settings.controllerPort()).isEqualTo(9093);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of(".run/kafka-data").toAbsolutePath().normalize());
        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void shouldTakePortsAndDataDirectoryFromTheEnvironment_whenSet() {
        LocalKafkaSettings settings = LocalKafkaSettings.fromEnvironment(Map.of(
                "RELAIS_KAFKA_PORT", "19092",
                "RELAIS_KAFKA_CONTROLLER_PORT", "19093",
                "RELAIS_KAFKA_DATA_DIR", "/var/tmp/relais/../relais/kafka"));

        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(settings.controllerPort()).isEqualTo(19093);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/var/tmp/relais/kafka"));
    }

    @Test
    void shouldNameTheVariable_whenAPortIsNotANumber() {
        assertThatThrownBy(() -> LocalKafkaSettings.fromEnvironment(Map.of("RELAIS_KAFKA_PORT", "nine")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RELAIS_KAFKA_PORT");
    }

    @Test
    void shouldRefuse_whenBothListenersWantTheSamePort() {
        assertThatThrownBy(() -> LocalKafkaSettings.fromEnvironment(Map.of("RELAIS_KAFKA_CONTROLLER_PORT", "9092")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must differ");
    }

    @Test
    void shouldRefuse_whenAPortIsOutOfRange() {
        assertThatThrownBy(() -> new LocalKafkaSettings(70_000, 9093, Path.of("data")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RELAIS_KAFKA_PORT");
    }
}
