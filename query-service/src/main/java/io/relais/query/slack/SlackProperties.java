package io.relais.query.slack;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where urgent events are posted (README, "Slack"). Slack's incoming webhooks are one URL per channel, so "a channel
 * per provider or per task type" is a URL per provider or per type; anything unrouted goes to {@code webhookUrl}.
 *
 * @param webhookUrl   the default channel's incoming-webhook URL; notifications are off while it is blank
 * @param byProvider   provider organisation → webhook URL (checked first)
 * @param byTaskType   task type (upper case) → webhook URL
 * @param dashboardUrl the dashboard the messages link to
 * @param timeout      of one post; a failed or refused post is retried with back-off, never dropped
 */
@ConfigurationProperties("relais.slack")
public record SlackProperties(String webhookUrl, Map<String, String> byProvider, Map<String, String> byTaskType,
                              URI dashboardUrl, Duration timeout) {

    public SlackProperties {
        byProvider = byProvider == null ? Map.of() : Map.copyOf(byProvider);
        byTaskType = byTaskType == null ? Map.of() : Map.copyOf(byTaskType);
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    /** The channel of a notification about a task of {@code type} assigned to {@code provider} (either may be null). */
    URI channelFor(String provider, String type) {
        String url = provider != null && byProvider.containsKey(provider) ? byProvider.get(provider)
                : type != null && byTaskType.containsKey(type) ? byTaskType.get(type) : webhookUrl;
        return URI.create(url);
    }
}
