package io.relais.command.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param headPrivateKey        Base64 PKCS#8 Ed25519 key the chain heads are signed with
 *                              ({@code RELAIS_AUDIT_HEAD_PRIVATE_KEY}); the default is a development key, published
 *                              in the README: replace it in any real deployment
 * @param headPublicKey         its Base64 X.509 public key, which verifiers check heads with
 *                              ({@code RELAIS_AUDIT_HEAD_PUBLIC_KEY})
 * @param headInterval          how often the chain head is signed and published when it moved
 * @param deniedAttemptInterval how often refused requests are relayed to the audit trail
 * @param headReadTimeout       how long verify waits for the latest published head
 */
@ConfigurationProperties("relais.audit")
public record AuditSettings(String headPrivateKey, String headPublicKey,
                            @DefaultValue("10s") Duration headInterval,
                            @DefaultValue("2s") Duration deniedAttemptInterval,
                            @DefaultValue("5s") Duration headReadTimeout) {
}
