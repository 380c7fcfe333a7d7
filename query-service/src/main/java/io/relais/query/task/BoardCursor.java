package io.relais.query.task;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * A position on the board: the sort it belongs to, the last row's sort value (as PostgreSQL printed it) and task
 * id. Opaque to clients (URL-safe base64); a cursor is only valid with the sort and direction it was made for.
 */
record BoardCursor(BoardSort sort, boolean descending, String value, UUID taskId) {

    private static final String SEPARATOR = "\n";

    String encode() {
        String plain = String.join(SEPARATOR, sort.name(), descending ? "desc" : "asc", value, taskId.toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when {@code encoded} is not a cursor this service made */
    static BoardCursor decode(String encoded) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split(SEPARATOR, -1);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("the cursor is not one this service made", notBase64);
        }
        if (parts.length != 4 || !(parts[1].equals("asc") || parts[1].equals("desc")) || parts[2].isEmpty()) {
            throw new IllegalArgumentException("the cursor is not one this service made");
        }
        try {
            return new BoardCursor(BoardSort.valueOf(parts[0]), parts[1].equals("desc"), parts[2],
                    UUID.fromString(parts[3]));
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("the cursor is not one this service made", malformed);
        }
    }
}
