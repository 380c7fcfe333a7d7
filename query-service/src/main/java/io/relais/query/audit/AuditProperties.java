package io.relais.query.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param headPublicKey Base64 of the X.509 (SubjectPublicKeyInfo) encoding of the Ed25519 public key the command side
 *                      signs chain heads with ({@code RELAIS_AUDIT_HEAD_PUBLIC_KEY})
 * @param inFlightGrace how recent the newest record of the copy may be for a break at its end to be reported as
 *                      possibly still in flight rather than settled ({@code RELAIS_AUDIT_IN_FLIGHT_GRACE})
 */
@ConfigurationProperties("relais.audit")
record AuditProperties(String headPublicKey, Duration inFlightGrace) {

    AuditProperties {
        if (inFlightGrace == null) {
            inFlightGrace = Duration.ofSeconds(30);
        }
    }

    /** The key, or a start-up failure saying what is wrong with the setting: a verifier without a key proves nothing. */
    PublicKey publicKey() {
        if (headPublicKey == null || headPublicKey.isBlank()) {
            throw new IllegalStateException("relais.audit.head-public-key (RELAIS_AUDIT_HEAD_PUBLIC_KEY) is empty");
        }
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(headPublicKey.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("relais.audit.head-public-key (RELAIS_AUDIT_HEAD_PUBLIC_KEY) is not the"
                    + " Base64 of an X.509 Ed25519 public key: " + e.getMessage(), e);
        }
    }
}
