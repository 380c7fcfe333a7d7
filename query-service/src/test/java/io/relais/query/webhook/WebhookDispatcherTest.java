package io.relais.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookDispatcherTest {

    private static final Instant NOW = Instant.parse("2026-03-16T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final AtomicInteger received = new AtomicInteger();
    private final HttpServer receiver = receiver();

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void shouldSendNothing_toAnInternalAddressNotListed_andRecordWhy() {
        WebhookDispatcher dispatcher = new WebhookDispatcher(null, properties(List.of()), CLOCK);

        WebhookRepository.Attempt attempt = dispatcher.send(delivery()).join();

        assertThat(received).as("the receiver on the loopback was never called").hasValue(0);
        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.responseCode()).isNull();
        assertThat(attempt.at()).isEqualTo(NOW);
        assertThat(attempt.error()).startsWith("Not sent: ").contains("127.0.0.1, an internal address");
    }

    @Test
    void shouldSend_toAListedInternalAddress() {
        WebhookDispatcher dispatcher = new WebhookDispatcher(null, properties(List.of("127.0.0.1")), CLOCK);

        WebhookRepository.Attempt attempt = dispatcher.send(delivery()).join();

        assertThat(received).hasValue(1);
        assertThat(attempt.delivered()).isTrue();
        assertThat(attempt.responseCode()).isEqualTo(204);
    }

    private WebhookRepository.DueDelivery delivery() {
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        return new WebhookRepository.DueDelivery(UUID.randomUUID(), UUID.randomUUID().toString(), "{}", url,
                WebhookSignatures.newSecret());
    }

    private static WebhookProperties properties(List<String> allowed) {
        return new WebhookProperties(true, null, null, null, null, null, null, null, null, null, null, allowed);
    }

    private HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hook", exchange -> {
                received.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
