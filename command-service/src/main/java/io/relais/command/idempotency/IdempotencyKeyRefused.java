package io.relais.command.idempotency;

/** A malformed key (400) or a key reused for another request (422). */
public class IdempotencyKeyRefused extends RuntimeException {

    private final int status;

    public IdempotencyKeyRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
