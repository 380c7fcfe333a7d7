package io.relais.contract.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * The head of the {@link EventChain} at some instant, signed by the command side with its Ed25519 key and published on
 * {@code relais.audit-heads.v1}. A verifier that finds the chain ending before a published head's index, or with
 * another hash there, knows events were removed or rewritten, even the newest ones.
 *
 * @param index     the chain index of the last link, which is also the number of events chained
 * @param hash      the chain hash of that link
 * @param position  the global position (event store index) of the event that link chains
 * @param signedAt  when the head was signed
 * @param keyId     which key signed it (the first 16 hex digits of the SHA-256 of the public key)
 * @param signature Base64 of the Ed25519 signature of {@link #signedContent()}
 */
public record ChainHead(long index, String hash, long position, Instant signedAt, String keyId, String signature) {

    public static final String ALGORITHM = "Ed25519";

    /** The exact bytes the signature covers. */
    public byte[] signedContent() {
        return signedContent(index, hash, position, signedAt);
    }

    public static byte[] signedContent(long index, String hash, long position, Instant signedAt) {
        return ("relais-chain-head|" + index + '|' + hash + '|' + position + '|' + signedAt)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@link #signature} is a valid signature of this head by {@code key}. */
    public boolean isSignedBy(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedContent());
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
