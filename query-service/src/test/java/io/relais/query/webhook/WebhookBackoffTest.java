package io.relais.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookBackoffTest {

    private static final Instant FAILED_AT = Instant.parse("2026-03-16T09:00:00Z");

    @Test
    void shouldGrowExponentially_fromTheInitialPause_untilTheCap() {
        WebhookBackoff backoff = new WebhookBackoff(Duration.ofSeconds(30), 4.0, Duration.ofHours(6));

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofMinutes(128));
        assertThat(backoff.delayAfter(6)).isEqualTo(Duration.ofHours(6));
        assertThat(backoff.delayAfter(40)).as("no overflow far out").isEqualTo(Duration.ofHours(6));
    }

    @Test
    void shouldScheduleTheNextAttempt_fromTheFailedOne() {
        WebhookBackoff backoff = new WebhookBackoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(1));

        assertThat(backoff.nextAttempt(FAILED_AT, 1)).isEqualTo(FAILED_AT.plusMillis(200));
        assertThat(backoff.nextAttempt(FAILED_AT, 2)).isEqualTo(FAILED_AT.plusMillis(400));
        assertThat(backoff.nextAttempt(FAILED_AT, 4)).isEqualTo(FAILED_AT.plusSeconds(1));
    }

    @Test
    void shouldDefaultEverySetting_whenNoneIsGiven() {
        WebhookProperties defaults = new WebhookProperties(null, null, null, null, null, null, null, null, null, null,
                null, null);

        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.maxAttempts()).isEqualTo(8);
        assertThat(defaults.allowedPrivateAddresses()).isEmpty();
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.backoff()).isEqualTo(new WebhookBackoff(Duration.ofSeconds(30), 4.0, Duration.ofHours(6)));
        assertThat(defaults.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(defaults.purgeInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.brokerTimeout()).isEqualTo(Duration.ofSeconds(5));
    }
}
