package io.relais.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SingleNodeKraftConfigurationTest {

    private final Properties properties =
            SingleNodeKraftConfiguration.of(new LocalKafkaSettings(19092, 19093, Path.of("/tmp/relais/kafka-data")));

    @Test
    void shouldBeBrokerAndControllerOnLoopbackOnly_whenBuiltFromSettings() {
        assertThat(properties.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(properties.getProperty("node.id")).isEqualTo("1");
        assertThat(properties.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
        assertThat(properties.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(properties.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
        assertThat(properties.getProperty("log.dirs")).isEqualTo("/tmp/relais/kafka-data");
    }

    @Test
    void shouldNeedNoSecondReplica_whenTransactionsAndConsumerGroupsAreUsed() {
        assertThat(properties.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(properties.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(properties.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(properties.getProperty("min.insync.replicas")).isEqualTo("1");
    }

    @Test
    void shouldNotCreateTopicsImplicitly_whenAClientAsksForAnUnknownOne() {
        assertThat(properties.getProperty("auto.create.topics.enable")).isEqualTo("false");
    }
}
