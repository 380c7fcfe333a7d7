package io.relais.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The benchmark's own identity provider: an RSA key pair generated for the run, its public key handed to the
 * services ({@code RELAIS_SECURITY_MODE=JWT}, {@code RELAIS_JWT_PUBLIC_KEY_LOCATION}) and RS256 tokens minted for
 * the callers. This is the production mode; the LOCAL mode's bcrypt check (cost 10: tens of milliseconds of CPU on
 * every request, by design) would turn the benchmark into a bcrypt benchmark.
 */
final class Jwt {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;

    Jwt() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
    }

    Path writePublicKey(Path file) throws java.io.IOException {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, pem);
        return file;
    }

    /** A token valid for the whole run (12 h). */
    String token(String subject, List<String> roles, String organisation) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"sub\":\"" + subject + "\",\"roles\":[" + String.join(",",
                roles.stream().map(r -> "\"" + r + "\"").toList()) + "],\"org\":\"" + organisation
                + "\",\"iat\":" + now + ",\"exp\":" + (now + 12 * 3600) + "}";
        String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
