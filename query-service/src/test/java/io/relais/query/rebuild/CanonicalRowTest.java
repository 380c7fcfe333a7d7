package io.relais.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CanonicalRowTest {

    private static String render(Object... values) {
        return CanonicalRow.render(Arrays.asList(values));
    }

    @Test
    void shouldTellNullFromEmptyText_andNullFromTheWordNull() {
        assertThat(render((Object) null)).isNotEqualTo(render("")).isNotEqualTo(render("null"))
                .isNotEqualTo(render("N;"));
        assertThat(render("", null)).isNotEqualTo(render(null, ""));
    }

    @Test
    void shouldNotLetValuesRunIntoEachOther() {
        assertThat(render("ab", "c")).isNotEqualTo(render("a", "bc"));
        assertThat(render("a;S1:b")).isNotEqualTo(render("a", "b"));
        assertThat(render("x\n", "y")).isNotEqualTo(render("x", "\ny"));
    }

    @Test
    void shouldTellTypesApart_textNumberBooleanBytes() {
        assertThat(render("1")).isNotEqualTo(render(1L));
        assertThat(render(1L)).isNotEqualTo(render(new BigDecimal("1.5")));
        assertThat(render("true")).isNotEqualTo(render(true));
        assertThat(render("ab")).isNotEqualTo(render((Object) "ab".getBytes(StandardCharsets.UTF_8)));
        assertThat(render(true)).isNotEqualTo(render(false));
    }

    @Test
    void shouldRenderTheSameInstant_theSameWay_whateverTheOffsetItWasReadWith() {
        Instant instant = Instant.parse("2026-03-14T09:00:00.123456Z");
        OffsetDateTime paris = instant.atOffset(ZoneOffset.ofHours(1));
        assertThat(render(paris)).isEqualTo(render(instant)).isEqualTo(render(instant.atOffset(ZoneOffset.UTC)));
        assertThat(render(instant)).contains("2026-03-14T09:00:00.123456Z");
        assertThat(render(instant)).as("a microsecond apart").isNotEqualTo(render(instant.plusNanos(1_000)));
        assertThat(render(LocalDate.parse("2026-03-14"))).isNotEqualTo(render("2026-03-14"));
    }

    @Test
    void shouldRenderNumericsByValue_andDoublesExactly() {
        assertThat(render(new BigDecimal("18.00"))).isEqualTo(render(new BigDecimal("18")));
        assertThat(render(new BigDecimal("0.000"))).isEqualTo(render(BigDecimal.ZERO));
        assertThat(render(new BigDecimal("18.01"))).isNotEqualTo(render(new BigDecimal("18.1")));
        assertThat(render(0.1 + 0.2)).isNotEqualTo(render(0.3));
        assertThat(render(12.0)).isEqualTo(render(12.0));
    }

    @Test
    void shouldRenderJsonWhateverItsKeyOrderAndSpacing_butNotWhateverItsValues() {
        CanonicalRow.Json a = new CanonicalRow.Json("{\"b\": [1, {\"y\": 2, \"x\": null}], \"a\": \"é\"}");
        CanonicalRow.Json b = new CanonicalRow.Json("{\"a\":\"é\",\"b\":[1,{\"x\":null,\"y\":2}]}");
        assertThat(render(a)).isEqualTo(render(b));
        assertThat(render(new CanonicalRow.Json("{\"rate\": 18.00}")))
                .isEqualTo(render(new CanonicalRow.Json("{\"rate\": 18}")));
        assertThat(render(a)).as("array order matters")
                .isNotEqualTo(render(new CanonicalRow.Json("{\"a\":\"é\",\"b\":[{\"x\":null,\"y\":2},1]}")));
        assertThat(render(a)).as("a value")
                .isNotEqualTo(render(new CanonicalRow.Json("{\"a\":\"e\",\"b\":[1,{\"x\":null,\"y\":2}]}")));
        assertThat(render(new CanonicalRow.Json("{\"x\": null}"))).as("null member vs absent")
                .isNotEqualTo(render(new CanonicalRow.Json("{}")));
        assertThat(render(new CanonicalRow.Json("\"a\""))).as("JSON vs text").isNotEqualTo(render("\"a\""));
    }

    @Test
    void shouldRenderBytesAsHex_everyByteCounting() {
        byte[] bytes = {0, 1, (byte) 0xff};
        assertThat(render((Object) bytes)).isEqualTo("X6:0001ff;\n");
        assertThat(render((Object) new byte[] {0, 1})).isNotEqualTo(render((Object) bytes));
        assertThat(render((Object) new byte[0])).isNotEqualTo(render((Object) null));
    }

    @Test
    void shouldRenderArraysByElement_withNullElementsAndOrder() {
        assertThat(render((Object) new String[] {"a", "b"})).isEqualTo(render(List.of("a", "b")));
        assertThat(render((Object) new String[] {"a", "b"})).isNotEqualTo(render((Object) new String[] {"b", "a"}));
        assertThat(render((Object) new String[] {"ab"})).isNotEqualTo(render((Object) new String[] {"a", "b"}));
        assertThat(render((Object) new String[] {null})).isNotEqualTo(render((Object) new String[] {""}));
        assertThat(render((Object) new String[0])).isNotEqualTo(render((Object) null));
    }

    @Test
    void shouldRenderUuidsInLowerCase() {
        UUID id = UUID.fromString("B2D7A1C4-5E6F-4A8B-9C0D-1E2F3A4B5C6D");
        assertThat(render(id)).isEqualTo("U36:b2d7a1c4-5e6f-4a8b-9c0d-1e2f3a4b5c6d;\n".replace("U36:", "U"));
    }

    @Test
    void shouldEndEachRowWithANewLine() {
        assertThat(render("a", 1L, null)).isEqualTo("S1:a;I1;N;\n");
    }
}
