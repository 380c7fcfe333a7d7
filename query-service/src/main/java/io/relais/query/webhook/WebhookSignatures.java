package io.relais.query.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of every delivery, the Standard Webhooks scheme (README, "Webhooks"), so that a receiver's existing
 * library, or a few lines in a Zapier or Make code step, can check it:
 * <pre>
 *   webhook-id:        the event id
 *   webhook-timestamp: the attempt's time, Unix seconds
 *   webhook-signature: v1,base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))
 * </pre>
 * where {@code key} is the Base64 part of the secret {@code whsec_<base64>}. The timestamp is signed too, so a
 * captured request cannot be replayed once it is older than the receiver's tolerance. Public: a receiver written in
 * Java may use {@link #verify} as it is.
 */
public final class WebhookSignatures {

    public static final String SECRET_PREFIX = "whsec_";
    public static final String VERSION = "v1";
    /** How far a timestamp may be from the receiver's clock, as the Standard Webhooks libraries default to. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignatures() {
    }

    /** A new secret: 32 random bytes, {@code whsec_} + Base64. */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header value of {@code body} sent as event {@code id} at {@code timestamp}. */
    public static String sign(String secret, String id, long timestamp, String body) {
        return VERSION + "," + Base64.getEncoder().encodeToString(hmac(secret, id + "." + timestamp + "." + body));
    }

    /**
     * Whether the request is authentic and recent: one of the signatures in {@code signatureHeader} (space separated,
     * {@code v1,<base64>} each) is that of {@code body} under {@code secret}, and {@code timestamp} is within
     * {@code tolerance} of {@code now}.
     */
    public static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader,
                                 Instant now, Duration tolerance) {
        if (secret == null || id == null || timestamp == null || body == null || signatureHeader == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException notSeconds) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secret, id + "." + seconds + "." + body);
        for (String signature : signatureHeader.trim().split(" +")) {
            int comma = signature.indexOf(',');
            if (comma < 0 || !VERSION.equals(signature.substring(0, comma))) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(signature.substring(comma + 1));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is unavailable", unavailable);
        }
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
