package io.relais.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** {@link LocalKafka} started as bin/relais-run starts it: its own JVM, settings from the environment. */
final class BrokerProcess {

    private final Process process;
    private final LocalKafkaSettings settings;
    private final Path log;

    private BrokerProcess(Process process, LocalKafkaSettings settings, Path log) {
        this.process = process;
        this.settings = settings;
        this.log = log;
    }

    static LocalKafkaSettings settingsOnFreePorts(Path dataDirectory) {
        return new LocalKafkaSettings(freePort(), freePort(), dataDirectory);
    }

    static BrokerProcess start(LocalKafkaSettings settings, Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                LocalKafka.class.getName());
        builder.environment().putAll(Map.of(
                LocalKafkaSettings.PORT_VARIABLE, Integer.toString(settings.port()),
                LocalKafkaSettings.CONTROLLER_PORT_VARIABLE, Integer.toString(settings.controllerPort()),
                LocalKafkaSettings.DATA_DIRECTORY_VARIABLE, settings.dataDirectory().toString()));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            return new BrokerProcess(builder.start(), settings, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the broker answers metadata requests, failing early (with its log) when the process dies. */
    BrokerProcess awaitReady() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000))) {
            // Admin failures mean "not yet"; the liveness assertion (an Error) must end the wait at once.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(Exception.class).until(() -> {
                assertThat(process.isAlive()).as("broker process alive; log:%n%s", log()).isTrue();
                return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == 1;
            });
        }
        return this;
    }

    /** SIGTERM, as bin/relais-run stops it; the broker must shut down on its own. */
    void stop() throws InterruptedException {
        process.destroy();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("broker stopped within 60 s of SIGTERM; log:%n%s", log()).isTrue();
    }

    void kill() {
        process.destroyForcibly();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
