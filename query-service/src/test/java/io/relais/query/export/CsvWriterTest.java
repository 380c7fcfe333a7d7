package io.relais.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void shouldLeavePlainFieldsAsTheyAre_andEndRecordsWithCrlf() throws Exception {
        assertThat(write(List.of("task_id", "title", "42"), List.of("a", "Relance client", "3.50")))
                .isEqualTo("task_id,title,42\r\na,Relance client,3.50\r\n");
    }

    @Test
    void shouldQuoteCommasQuotesAndLineBreaks_doublingTheQuotes() throws Exception {
        String written = write(List.of("Dupont, Jean", "il a dit \"non\"", "ligne 1\nligne 2", "a\r\nb", "\"",
                "{\"item\":\"Montant\",\"passed\":true}"));

        assertThat(written).isEqualTo("\"Dupont, Jean\",\"il a dit \"\"non\"\"\",\"ligne 1\nligne 2\",\"a\r\nb\","
                + "\"\"\"\",\"{\"\"item\"\":\"\"Montant\"\",\"\"passed\"\":true}\"\r\n");
    }

    @Test
    void shouldWriteNullAsNothing_andTheEmptyStringAsTwoQuotes() throws Exception {
        assertThat(write(Arrays.asList(null, "", "x", null))).isEqualTo(",\"\",x,\r\n");
        assertThat(write(Arrays.asList((String) null))).isEqualTo("\r\n");
    }

    @Test
    void shouldKeepNonAsciiText_andSpacesUnquoted() throws Exception {
        assertThat(write(List.of(" effacé ", "€ 45,00"))).isEqualTo(" effacé ,\"€ 45,00\"\r\n");
    }

    @Test
    void shouldReadBackEveryValue_throughAnIndependentRfc4180Reader() throws Exception {
        List<String> tricky = Arrays.asList("a,b", "\"quoted\"", "multi\nline", "crlf\r\ninside", null, "", "plain",
                "trailing,", ",", "\"\"");
        List<List<String>> read = Csv.parse(write(List.of("h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9", "h10"),
                tricky));

        assertThat(read).hasSize(2);
        assertThat(read.get(1)).containsExactlyElementsOf(tricky);
    }

    @SafeVarargs
    private static String write(List<String>... records) throws Exception {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        for (List<String> record : records) {
            csv.record(record);
        }
        return out.toString();
    }
}
