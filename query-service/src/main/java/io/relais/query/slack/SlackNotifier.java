package io.relais.query.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one message to one incoming webhook. Anything but a 2xx is a failure the listener's error handler retries with
 * back-off (the record's offset is committed only after Slack accepted it): at least once, in order per task.
 */
public class SlackNotifier {

    private static final Logger log = LoggerFactory.getLogger(SlackNotifier.class);

    private final HttpClient http;
    private final SlackProperties properties;

    SlackNotifier(SlackProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    void post(URI channel, ObjectNode message) {
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(channel).timeout(properties.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(message.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new SlackUnavailableException("Slack unreachable: " + unreachable.getMessage(), unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SlackUnavailableException("interrupted while posting to Slack", interrupted);
        }
        if (answer.statusCode() / 100 != 2) {
            throw new SlackUnavailableException("Slack answered " + answer.statusCode() + ": " + answer.body(), null);
        }
        log.debug("Posted to Slack: {}", message.path("text").asText());
    }

    /**
     * Posts a weekly review's summary to the default channel. Throws {@link SlackUnavailableException} when Slack does
     * not take it: the caller retries.
     */
    public void postWeeklyDigest(WeeklyDigest digest) {
        post(URI.create(properties.webhookUrl()), SlackMessages.weeklyDigest(digest, properties.dashboardUrl()));
    }

    /** Slack did not take the message; retried, never skipped. */
    public static final class SlackUnavailableException extends RuntimeException {
        SlackUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
