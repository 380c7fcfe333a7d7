package io.relais.query.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.relais.contract.notion.BackOfficeOpsColumn;
import io.relais.contract.task.TaskPriority;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The round trip's query half: every header the board CSV writes is one the Notion import recognises (both read
 * {@link BackOfficeOpsColumn}, the contract's list), each as the column whose value is written under it.
 */
class BoardCsvTest {

    @Test
    void shouldWriteAHeaderTheImportRecognises_columnForColumn() throws IOException {
        StringWriter out = new StringWriter();
        new BoardCsv(out).header();

        String header = out.toString();
        assertThat(header).startsWith("\uFEFF").endsWith("\r\n").doesNotContain("\"");
        List<String> names = Arrays.asList(header.substring(1, header.length() - 2).split(",", -1));
        assertThat(names).hasSize(BackOfficeOpsColumn.values().length);
        for (int i = 0; i < names.size(); i++) {
            assertThat(BackOfficeOpsColumn.recognise(names.get(i))).contains(BackOfficeOpsColumn.values()[i]);
        }
    }

    @Test
    void shouldWriteEachValueUnderItsColumn_multiSelectsCommaJoined() throws IOException {
        UUID id = UUID.fromString("0b7a0c1e-7a52-4f5e-9d3c-1f2e3d4c5b6a");
        BoardRow row = new BoardRow(id, "Relancer, puis noter", "PAYMENT_REMINDER", TaskPriority.HIGH,
                TaskStatus.ASSIGNED,
                new BoardRow.Sla("WEEKLY(MON 09:00)", Instant.parse("2026-11-23T08:00:00Z"), 60L, BoardSlaState.ON_TRACK),
                new BoardRow.Recurrence(true, Instant.parse("2026-11-23T08:00:00Z")),
                new BoardRow.Owner("amina", "backoffice-pro", "claire"),
                new BoardRow.Sop("p-1", 2, "Relances clients", "/api/processes/p-1/versions/2"),
                new BoardRow.Checklist(List.of("Montant vérifié", "Montant, devise"), List.of(), 0, 0),
                new BoardRow.Figures(0, 0, 0, null, false, List.of("Délai moyen")),
                Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T10:05:00Z"), 2);
        StringWriter out = new StringWriter();

        new BoardCsv(out).line(row);

        assertThat(out.toString()).isEqualTo("\"Relancer, puis noter\",PAYMENT_REMINDER,HIGH,WEEKLY(MON 09:00),"
                + "2026-11-23T08:00:00Z,amina,Relances clients,\"Montant vérifié, Montant  devise\",ASSIGNED,"
                + "Délai moyen,2026-11-23T08:00:00Z,,2026-11-20T10:00:00Z," + id + "\r\n");
    }
}
