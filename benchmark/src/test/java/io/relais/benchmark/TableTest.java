package io.relais.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void shouldComputeRatiosAndSayNaWhenAFigureIsMissing() {
        assertThat(Table.ratio(500, 2000)).isEqualTo(0.25);
        assertThat(Table.ratio(500, 0)).isNaN();
        assertThat(Table.ratio(Double.NaN, 10)).isNaN();
        assertThat(Table.percent(0.25)).isEqualTo("25.0 %");
        assertThat(Table.percent(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    void shouldFormatNumbersForReading() {
        assertThat(Table.number(22_900)).isEqualTo("22,900");
        assertThat(Table.number(123.456)).isEqualTo("123");
        assertThat(Table.number(7.891)).isEqualTo("7.89");
        assertThat(Table.number(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    void shouldAlignColumnsAndRightAlignValues() {
        String table = Table.format(List.of(
                new Table.Row("1 ceiling", "pgbench, 1 client(s)", 6600, "commits/s", "target 6,600"),
                new Table.Row("ratios", "Relais ÷ pgbench", Double.NaN, "%", null)));
        List<String> lines = table.lines().toList();

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("phase     | measure              | value | unit      | note");
        assertThat(lines.get(1)).matches("-+(-\\+-+)+");
        assertThat(lines.get(2)).isEqualTo("1 ceiling | pgbench, 1 client(s) | 6,600 | commits/s | target 6,600");
        assertThat(lines.get(3)).isEqualTo("ratios    | Relais ÷ pgbench     |   n/a | %");
    }
}
