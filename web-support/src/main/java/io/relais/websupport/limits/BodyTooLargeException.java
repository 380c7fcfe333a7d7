package io.relais.websupport.limits;

import java.io.IOException;

/** Thrown while reading a body that turns out larger than the limit; answered 413. */
public final class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
