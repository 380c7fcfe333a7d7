package io.relais.contract.notion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackOfficeOpsColumnTest {

    @Test
    void shouldRecogniseEveryExportedHeader_asItsOwnColumn() {
        for (BackOfficeOpsColumn column : BackOfficeOpsColumn.values()) {
            assertThat(BackOfficeOpsColumn.recognise(column.header())).contains(column);
        }
        assertThat(BackOfficeOpsColumn.headers()).hasSize(BackOfficeOpsColumn.values().length)
                .startsWith("Tâche / Processus", "Type", "Priorité", "SLA", "Récurrence", "Owner", "SOP",
                        "Checklist qualité", "Statut", "KPI");
    }

    @Test
    void shouldRecogniseHeaders_whateverTheirCaseAccentsSpacesOrByteOrderMark() {
        assertThat(BackOfficeOpsColumn.recognise("\uFEFFtache  /  processus")).contains(BackOfficeOpsColumn.TITLE);
        assertThat(BackOfficeOpsColumn.recognise("\uFEFFTACHE / PROCESSUS")).contains(BackOfficeOpsColumn.TITLE);
        assertThat(BackOfficeOpsColumn.recognise(" priorite ")).contains(BackOfficeOpsColumn.PRIORITY);
        assertThat(BackOfficeOpsColumn.recognise("Due date")).contains(BackOfficeOpsColumn.DUE);
        assertThat(BackOfficeOpsColumn.recognise("Name")).contains(BackOfficeOpsColumn.TITLE);
        assertThat(BackOfficeOpsColumn.recognise("Couleur")).isEmpty();
        assertThat(BackOfficeOpsColumn.recognise(null)).isEmpty();
    }

    @Test
    void shouldNeverGiveTwoColumnsTheSameName() {
        Set<String> seen = new HashSet<>();
        for (BackOfficeOpsColumn column : BackOfficeOpsColumn.values()) {
            assertThat(seen.add(BackOfficeOpsColumn.key(column.header()))).as(column.header()).isTrue();
            column.aliases().forEach(alias -> assertThat(seen.add(BackOfficeOpsColumn.key(alias))).as(alias).isTrue());
        }
    }
}
