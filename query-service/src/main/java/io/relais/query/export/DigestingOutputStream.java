package io.relais.query.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and SHA-256-hashes the bytes on their way to {@code out}. */
final class DigestingOutputStream extends FilterOutputStream {

    private final MessageDigest sha256;
    private long count;

    DigestingOutputStream(OutputStream out) {
        super(out);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha256.update(b, off, len);
        count += len;
    }

    long count() {
        return count;
    }

    /** The hex digest of what was written; call once, after the last write. */
    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
