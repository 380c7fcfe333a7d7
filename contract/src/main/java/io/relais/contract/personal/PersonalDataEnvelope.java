package io.relais.contract.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The wire form of a {@link Personal} field: {@code relais:enc:v1:<keyId>:<base64(nonce ‖ ciphertext ‖ tag)>}.
 *
 * <ul>
 *   <li>AES-256-GCM, a random 96-bit nonce per value, a 128-bit tag; Base64 is the standard alphabet with padding.</li>
 *   <li>{@code keyId} is the data subject ({@link DataSubjects}, e.g. {@code task-6f1c…}); it never holds a colon.</li>
 *   <li>The additional authenticated data is {@code relais:enc:v1|<keyId>|<field>}, {@code field} being the JSON
 *       property name ({@code title}, {@code note}, …): a value copied into another field or another subject's event
 *       does not decrypt.</li>
 *   <li>A null value stays null (nothing personal in it); any other value, the empty string included, is sealed.</li>
 *   <li>Once the subject's key is destroyed, readers show {@link #ERASED}.</li>
 * </ul>
 * Pure Java (JCA), no dependency: subscribers that are allowed to read personal data use it with the keys they obtain
 * from the key store; keys never travel on Kafka.
 */
public final class PersonalDataEnvelope {

    public static final String PREFIX = "relais:enc:v1:";
    /** What every reader shows in place of a personal field whose subject was erased. */
    public static final String ERASED = "[effacé]";
    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Whether a value is an envelope (as opposed to plain text written before encryption existed). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The key id (data subject) of an envelope. */
    public static String keyIdOf(String envelope) {
        if (!isSealed(envelope)) {
            throw new IllegalArgumentException("Not a personal data envelope");
        }
        int end = envelope.indexOf(':', PREFIX.length());
        if (end <= PREFIX.length()) {
            throw new IllegalArgumentException("Personal data envelope without a key id");
        }
        return envelope.substring(PREFIX.length(), end);
    }

    /** A fresh random key for a subject. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Seals {@code plaintext} of field {@code field} with the key {@code key} of subject {@code keyId}; null stays null. */
    public static String seal(byte[] key, String keyId, String field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        if (keyId == null || keyId.isEmpty() || keyId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("A key id is non-empty and holds no colon");
        }
        byte[] sealed = encrypt(key, plaintext.getBytes(StandardCharsets.UTF_8), aad(keyId, field));
        return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    /**
     * The plain text of an envelope. Throws {@link IllegalArgumentException} when the envelope is malformed, or was
     * not sealed with this key for this subject and field.
     */
    public static String open(byte[] key, String envelope, String field) {
        String keyId = keyIdOf(envelope);
        String body = envelope.substring(PREFIX.length() + keyId.length() + 1);
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Personal data envelope is not Base64", e);
        }
        return new String(decrypt(key, sealed, aad(keyId, field)), StandardCharsets.UTF_8);
    }

    /**
     * What a reader shows of a field value: plain text as is, the opened envelope when {@code keys} knows its key,
     * {@link #ERASED} when the key is gone.
     */
    public static String reveal(String value, String field, Function<String, Optional<byte[]>> keys) {
        if (!isSealed(value)) {
            return value;
        }
        return keys.apply(keyIdOf(value)).map(key -> open(key, value, field)).orElse(ERASED);
    }

    static byte[] aad(String keyId, String field) {
        return ("relais:enc:v1|" + keyId + "|" + field).getBytes(StandardCharsets.UTF_8);
    }

    /** AES-256-GCM: {@code nonce ‖ ciphertext ‖ tag}. Also used to wrap subject keys with a master key. */
    public static byte[] encrypt(byte[] key, byte[] plaintext, byte[] aad) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] body = cipher.doFinal(plaintext);
            byte[] out = new byte[NONCE_BYTES + body.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(body, 0, out, NONCE_BYTES, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The inverse of {@link #encrypt}; {@link IllegalArgumentException} when the tag does not verify. */
    public static byte[] decrypt(byte[] key, byte[] sealed, byte[] aad) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("Sealed value too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("Sealed value does not authenticate with this key and context", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot decrypt the sealed value", e);
        }
    }

    private PersonalDataEnvelope() {
    }
}
