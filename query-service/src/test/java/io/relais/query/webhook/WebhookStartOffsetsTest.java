package io.relais.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relais.websupport.problem.ProblemTypes;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.ErrorResponseException;

class WebhookStartOffsetsTest {

    @Test
    void shouldRefuseWith503TemporarilyUnavailable_andRetryAfter_whenNoBrokerAnswersWithinTheTimeout()
            throws IOException {
        KafkaAdmin nobodyListening = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + freePort()));
        WebhookStartOffsets startOffsets = new WebhookStartOffsets(nobodyListening, Duration.ofMillis(500));

        assertThatThrownBy(startOffsets::endOffsets).as("a problem answer, not a failure (a 500)")
                .isInstanceOfSatisfying(ErrorResponseException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(refused.getBody().getType()).isEqualTo(ProblemTypes.UNAVAILABLE);
                    assertThat(refused.getBody().getDetail()).contains("nothing was written");
                    assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
                });
    }

    /** A port that was free a moment ago: no broker listens there. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
