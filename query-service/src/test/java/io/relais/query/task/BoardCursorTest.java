package io.relais.query.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BoardCursorTest {

    private static final UUID TASK = UUID.fromString("5f0c6a7e-1b2c-4d3e-8f90-a1b2c3d4e5f6");

    @Test
    void shouldReadBackWhatItWrote_whenTheValueHoldsSpacesAndPunctuation() {
        BoardCursor cursor = new BoardCursor(BoardSort.DUE_AT, false, "2026-03-02 09:00:00+00", TASK);

        assertThat(BoardCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void shouldRefuse_whenTheTextIsNotACursorOfThisService() {
        assertThatThrownBy(() -> BoardCursor.decode("not-a-cursor!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BoardCursor.decode(encoded("PRIORITY\ndesc\n3")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BoardCursor.decode(encoded("FASTEST\ndesc\n3\n" + TASK)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BoardCursor.decode(encoded("PRIORITY\nsideways\n3\n" + TASK)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BoardCursor.decode(encoded("PRIORITY\ndesc\n3\nnot-a-uuid")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String encoded(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
