package io.relais.command.audit;

import io.relais.contract.audit.ChainHead;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/** Signs chain heads with the configured Ed25519 key and checks heads with its public key. */
@Component
class ChainHeadSigner {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    ChainHeadSigner(AuditSettings settings) {
        try {
            KeyFactory keys = KeyFactory.getInstance(ChainHead.ALGORITHM);
            this.privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(decode(settings.headPrivateKey(),
                    "relais.audit.head-private-key")));
            this.publicKey = keys.generatePublic(new X509EncodedKeySpec(decode(settings.headPublicKey(),
                    "relais.audit.head-public-key")));
            this.keyId = keyId(publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("relais.audit.head-private-key / head-public-key are not an Ed25519 key pair"
                    + " (Base64 PKCS#8 / X.509)", e);
        }
        ChainHead probe = sign(1, "0".repeat(64), 0, Instant.EPOCH);
        if (!probe.isSignedBy(publicKey)) {
            throw new IllegalStateException("relais.audit.head-public-key is not the public key of head-private-key");
        }
    }

    ChainHead sign(long index, String hash, long position, Instant at) {
        try {
            Signature signature = Signature.getInstance(ChainHead.ALGORITHM);
            signature.initSign(privateKey);
            signature.update(ChainHead.signedContent(index, hash, position, at));
            return new ChainHead(index, hash, position, at, keyId,
                    Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the chain head", e);
        }
    }

    PublicKey publicKey() {
        return publicKey;
    }

    String keyId() {
        return keyId;
    }

    static String keyId(PublicKey key) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
        return HexFormat.of().formatHex(digest).substring(0, 16);
    }

    private static byte[] decode(String base64, String setting) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(setting + " is not set");
        }
        return Base64.getDecoder().decode(base64.strip());
    }
}
