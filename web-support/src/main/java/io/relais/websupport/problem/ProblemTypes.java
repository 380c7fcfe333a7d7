package io.relais.websupport.problem;

import java.net.URI;

/** The {@code type} of every problem Relais answers with; documented in the README. */
public final class ProblemTypes {

    public static final URI INVALID_REQUEST = URI.create("urn:relais:problem:invalid-request");
    public static final URI PAYLOAD_TOO_LARGE = URI.create("urn:relais:problem:payload-too-large");
    public static final URI UNAUTHENTICATED = URI.create("urn:relais:problem:unauthenticated");
    public static final URI FORBIDDEN = URI.create("urn:relais:problem:forbidden");
    public static final URI NOT_FOUND = URI.create("urn:relais:problem:not-found");
    public static final URI TOO_MANY_REQUESTS = URI.create("urn:relais:problem:too-many-requests");
    public static final URI UNAVAILABLE = URI.create("urn:relais:problem:temporarily-unavailable");

    private ProblemTypes() {
    }
}
