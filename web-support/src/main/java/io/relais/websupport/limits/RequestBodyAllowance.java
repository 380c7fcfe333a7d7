package io.relais.websupport.limits;

/**
 * A path whose request bodies may exceed {@code relais.http.max-body-bytes}: an upload endpoint (a Notion export with
 * its images is megabytes, a command is a few hundred bytes). A service declares it as a bean; every other path keeps
 * the small limit, so a large body is accepted only where something is built to read it.
 *
 * @param path     the request path, exactly (no pattern, no query string)
 * @param maxBytes the largest body accepted on that path
 */
public record RequestBodyAllowance(String path, long maxBytes) {

    public RequestBodyAllowance {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("An allowance names an absolute request path, not '" + path + "'");
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("An allowance of " + maxBytes + " bytes for " + path + " accepts nothing");
        }
    }
}
