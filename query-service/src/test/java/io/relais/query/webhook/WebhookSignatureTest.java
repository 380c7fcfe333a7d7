package io.relais.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // The Standard Webhooks specification's published test vector: what its reference libraries compute.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant AT_THE_TIME = Instant.ofEpochSecond(TIMESTAMP);

    @Test
    void shouldReproduceTheStandardWebhooksTestVector() {
        assertThat(WebhookSignatures.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void shouldVerifyTheTestVector_whenItIsRecent() {
        assertThat(verify(BODY, Long.toString(TIMESTAMP), SIGNATURE, AT_THE_TIME.plusSeconds(60))).isTrue();
    }

    @Test
    void shouldReject_whenTheBodyWasTampered() {
        assertThat(verify("{\"test\": 2432232315}", Long.toString(TIMESTAMP), SIGNATURE, AT_THE_TIME)).isFalse();
    }

    @Test
    void shouldReject_whenTheTimestampWasChanged() {
        assertThat(verify(BODY, Long.toString(TIMESTAMP + 1), SIGNATURE, AT_THE_TIME)).isFalse();
    }

    @Test
    void shouldReject_whenTheRequestIsOlderThanTheTolerance_evenWithAValidSignature() {
        Instant sixMinutesLater = AT_THE_TIME.plus(Duration.ofMinutes(6));

        assertThat(verify(BODY, Long.toString(TIMESTAMP), SIGNATURE, sixMinutesLater)).as("a replay").isFalse();
    }

    @Test
    void shouldReject_whenSignedWithAnotherSecret_orAnotherId() {
        String otherSecret = WebhookSignatures.newSecret();

        assertThat(WebhookSignatures.verify(otherSecret, ID, Long.toString(TIMESTAMP), BODY, SIGNATURE, AT_THE_TIME,
                WebhookSignatures.DEFAULT_TOLERANCE)).isFalse();
        assertThat(WebhookSignatures.verify(SECRET, "msg_other", Long.toString(TIMESTAMP), BODY, SIGNATURE,
                AT_THE_TIME, WebhookSignatures.DEFAULT_TOLERANCE)).isFalse();
    }

    @Test
    void shouldAcceptAnyOfSeveralSignatures_andIgnoreOtherVersions() {
        String header = "v1a,whatever v1,bm9wZQ== " + SIGNATURE;

        assertThat(verify(BODY, Long.toString(TIMESTAMP), header, AT_THE_TIME)).isTrue();
        assertThat(verify(BODY, Long.toString(TIMESTAMP), "v2," + SIGNATURE.substring(3), AT_THE_TIME)).isFalse();
    }

    @Test
    void shouldMakeSecretsOf32RandomBytes_thatSignAndVerify() {
        String secret = WebhookSignatures.newSecret();
        String another = WebhookSignatures.newSecret();

        assertThat(secret).startsWith("whsec_").isNotEqualTo(another);
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
        String signature = WebhookSignatures.sign(secret, "evt-1", TIMESTAMP, BODY);
        assertThat(WebhookSignatures.verify(secret, "evt-1", Long.toString(TIMESTAMP), BODY, signature, AT_THE_TIME,
                WebhookSignatures.DEFAULT_TOLERANCE)).isTrue();
    }

    private static boolean verify(String body, String timestamp, String signature, Instant now) {
        return WebhookSignatures.verify(SECRET, ID, timestamp, body, signature, now,
                WebhookSignatures.DEFAULT_TOLERANCE);
    }
}
