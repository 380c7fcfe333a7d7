package io.relais.command.notion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relais.command.process.ProcedureBody;
import io.relais.contract.notion.BackOfficeOpsColumn;
import io.relais.contract.task.TaskPriority;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Reading Notion's "Markdown & CSV" export: the archive, the CSV, the cells and the SOP pages. */
class NotionExportParserTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final NotionImportSettings SETTINGS = new NotionImportSettings(33_554_432, 1_000_000, 100, 100);

    @Test
    void shouldFindTheDatabaseAndEveryPage_inSubFolders() {
        NotionExport export = NotionArchive.read(SampleExport.load().zip(), SETTINGS);

        assertThat(export.database()).isPresent();
        NotionExport.File database = export.database().get();
        assertThat(database.title()).isEqualTo("Back-office Ops");
        assertThat(database.notionId()).isEqualTo("3f1c2a9b8e7d4c6b9a0f1e2d3c4b5a69");
        assertThat(export.pages()).extracting(NotionExport.File::path).containsExactly(
                "Accueil 9d0e1f2a3b4c4d5e8f6a7b8c9d0e1f2a.md",
                "Back-office Ops/Relancer les factures échues de novembre 7c8d9e0f1a2b4c3d9e4f5a6b7c8d9e0f.md",
                "SOPs/Facturation mensuelle 2b3c4d5e6f7a4b9c8d1e2f3a4b5c6d7e.md",
                "SOPs/Relances clients 8a7b6c5d4e3f4a1b9c0d8e7f6a5b4c3d.md");
        NotionExport.File sop = export.pages().get(3);
        assertThat(sop.title()).isEqualTo("Relances clients");
        assertThat(sop.notionId()).isEqualTo("8a7b6c5d4e3f4a1b9c0d8e7f6a5b4c3d");
        assertThat(sop.folder()).isEqualTo("SOPs");
        assertThat(export.pages().get(1).folder()).isEqualTo("Back-office Ops");
    }

    @Test
    void shouldOpenTheNestedArchive_andPreferTheAllRowsCsv() {
        Map<String, String> inner = new LinkedHashMap<>(SampleExport.load().files());
        inner.put("Back-office Ops 3f1c2a9b8e7d4c6b9a0f1e2d3c4b5a69_all.csv", "Name\r\nTout\r\n");
        byte[] outer = SampleExport.zip(Map.of());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("Export-5c1e-Part-1.zip"));
            zip.write(SampleExport.zip(inner));
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        outer = bytes.toByteArray();

        NotionExport export = NotionArchive.read(outer, SETTINGS);

        assertThat(export.database().get().path())
                .isEqualTo("Export-5c1e-Part-1.zip!/Back-office Ops 3f1c2a9b8e7d4c6b9a0f1e2d3c4b5a69_all.csv");
        assertThat(export.ignored()).contains("Export-5c1e-Part-1.zip!/" + SampleExport.DATABASE);
        assertThat(export.pages()).hasSize(4);
    }

    @Test
    void shouldRefuseWhatIsNoNotionExport_namingTheProblem() {
        assertRefused(() -> NotionArchive.read("Tâche,Type\r\n".getBytes(), SETTINGS), HttpStatus.BAD_REQUEST,
                "not a ZIP archive");
        assertRefused(() -> NotionArchive.read(SampleExport.zip(Map.of("image.png", "x")), SETTINGS),
                HttpStatus.BAD_REQUEST, "no CSV database and no Markdown page");
        assertRefused(() -> NotionArchive.read(SampleExport.zip(Map.of("../../etc/cron.d/evil.md", "# x")), SETTINGS),
                HttpStatus.BAD_REQUEST, "'../../etc/cron.d/evil.md' points outside the archive");
        assertRefused(() -> NotionArchive.read(SampleExport.zip(Map.of("/abs.md", "# x")), SETTINGS),
                HttpStatus.BAD_REQUEST, "points outside the archive");
        assertRefused(() -> NotionArchive.read(SampleExport.zip(Map.of("a.csv", "x", "b 3f1c2a9b8e7d4c6b9a0f1e2d3c4b5a70.csv",
                "y")), SETTINGS), HttpStatus.BAD_REQUEST, "several databases");
    }

    @Test
    void shouldRefuseArchivesThatInflateBeyondTheLimits() {
        byte[] bomb = SampleExport.zip(Map.of("big.md", "#".repeat(2_000)));
        assertRefused(() -> NotionArchive.read(bomb, new NotionImportSettings(33_554_432, 1_000, 100, 100)),
                HttpStatus.PAYLOAD_TOO_LARGE, "larger than 1000 bytes once uncompressed");
        assertRefused(() -> NotionArchive.read(SampleExport.load().zip(),
                        new NotionImportSettings(33_554_432, 1_000_000, 3, 100)),
                HttpStatus.PAYLOAD_TOO_LARGE, "more than 3 entries");
    }

    @Test
    void shouldReadCsv_withByteOrderMarkQuotedCommasDoubledQuotesAndLineBreaks() {
        String csv = "\uFEFFTâche / Processus,Description\r\n"
                + "Simple,\r\n"
                + "\"Avec, virgule\",\"Deux lignes,\r\nvoir \"\"Salon\"\"\"\r\n"
                + "\n"
                + "Dernière,sans fin de ligne";

        List<NotionCsv.Record> records = NotionCsv.parse(csv);

        assertThat(records).hasSize(4);
        assertThat(records.get(0).cells()).containsExactly("Tâche / Processus", "Description");
        assertThat(records.get(1).cells()).containsExactly("Simple", "");
        assertThat(records.get(2).cells()).containsExactly("Avec, virgule", "Deux lignes,\r\nvoir \"Salon\"");
        assertThat(records.get(2).line()).isEqualTo(3);
        assertThat(records.get(3).line()).as("after a two-line record and a blank line").isEqualTo(6);
        assertThat(records.get(3).cells()).containsExactly("Dernière", "sans fin de ligne");
        assertThat(BackOfficeOpsColumn.recognise(records.get(0).cell(0))).contains(BackOfficeOpsColumn.TITLE);
    }

    @Test
    void shouldRefuseCsv_whoseQuotedCellNeverCloses() {
        assertRefused(() -> NotionCsv.parse("Name\r\nok\r\n\"jamais fermé,\r\nx\r\n"), HttpStatus.BAD_REQUEST,
                "quoted cell opened on line 3 is never closed");
    }

    @Test
    void shouldReadNotionLinkCells_asThePageTheyPointTo() {
        assertThat(NotionValues.pageReferences(
                "Relances clients (SOPs/Relances%20clients%208a7b6c5d4e3f4a1b9c0d8e7f6a5b4c3d.md)"))
                .containsExactly(new NotionValues.PageReference("Relances clients", "8a7b6c5d4e3f4a1b9c0d8e7f6a5b4c3d"));
        assertThat(NotionValues.pageReferences(
                "Préparation de la paie (../SOPs/Pr%C3%A9paration%20de%20la%20paie%205E6F7A8B9C0D4E1F8A2B3C4D5E6F7A8B.md)"))
                .containsExactly(new NotionValues.PageReference("Préparation de la paie",
                        "5e6f7a8b9c0d4e1f8a2b3c4d5e6f7a8b"));
        assertThat(NotionValues.pageReferences("A (A%20aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.md), B (B%20bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.md)"))
                .hasSize(2);
        assertThat(NotionValues.pageReferences("https://www.notion.so/Relances-clients-8a7b6c5d4e3f4a1b9c0d8e7f6a5b4c3d"))
                .extracting(NotionValues.PageReference::notionId).containsExactly("8a7b6c5d4e3f4a1b9c0d8e7f6a5b4c3d");
        assertThat(NotionValues.pageReferences("Relances clients"))
                .containsExactly(new NotionValues.PageReference("Relances clients", null));
        assertThat(NotionValues.pageReferences("  ")).isEmpty();
    }

    @Test
    void shouldReadNotionDates_withOrWithoutTime_inTheCompanyZone() {
        assertThat(NotionValues.instant("November 23, 2026 9:00 AM", PARIS))
                .contains(Instant.parse("2026-11-23T08:00:00Z"));
        assertThat(NotionValues.instant("November 23, 2026", PARIS)).contains(Instant.parse("2026-11-23T17:00:00Z"));
        assertThat(NotionValues.instant("2026-11-23", PARIS)).contains(Instant.parse("2026-11-23T17:00:00Z"));
        assertThat(NotionValues.instant("23/11/2026", PARIS)).contains(Instant.parse("2026-11-23T17:00:00Z"));
        assertThat(NotionValues.instant("November 23, 2026 2:30 PM (UTC)", PARIS))
                .contains(Instant.parse("2026-11-23T13:30:00Z"));
        assertThat(NotionValues.instant("November 20, 2026 → November 23, 2026", PARIS))
                .contains(Instant.parse("2026-11-23T17:00:00Z"));
        assertThat(NotionValues.instant("2026-11-23T09:00:00+01:00", PARIS))
                .contains(Instant.parse("2026-11-23T08:00:00Z"));
        assertThat(NotionValues.instant("le 32 novembre", PARIS)).isEmpty();
        assertThat(NotionValues.instant("November 31, 2026", PARIS)).isEmpty();
    }

    @Test
    void shouldReadPrioritiesSlasTypesAndMultiSelects_asTheSeedWritesThem() {
        assertThat(NotionValues.priority("Haute")).contains(TaskPriority.HIGH);
        assertThat(NotionValues.priority("urgente")).contains(TaskPriority.CRITICAL);
        assertThat(NotionValues.priority("NORMAL")).contains(TaskPriority.NORMAL);
        assertThat(NotionValues.priority("Urgentissime")).isEmpty();
        assertThat(NotionValues.slaPolicy("24h ouvrées")).contains("BUSINESS_HOURS(24)");
        assertThat(NotionValues.slaPolicy("J+2")).contains("BUSINESS_DAYS(2)");
        assertThat(NotionValues.slaPolicy("sous 48h")).contains("CALENDAR_HOURS(48)");
        assertThat(NotionValues.slaPolicy("chaque lundi")).contains("WEEKLY(MON 09:00)");
        assertThat(NotionValues.slaPolicy("every Friday at 14:30")).contains("WEEKLY(FRI 14:30)");
        assertThat(NotionValues.slaPolicy("business_days(3)")).contains("BUSINESS_DAYS(3)");
        assertThat(NotionValues.slaPolicy("dès que possible")).isEmpty();
        assertThat(NotionValues.taskType("Mise à jour CRM")).isEqualTo("MISE_A_JOUR_CRM");
        assertThat(NotionValues.multiSelect("Montant vérifié, Bon destinataire ,")).containsExactly("Montant vérifié",
                "Bon destinataire");
    }

    @Test
    void shouldReadASopPage_intoTheProcedureBody_withSeed004sSections() {
        NotionExport export = NotionArchive.read(SampleExport.load().zip(), SETTINGS);

        SopPage relances = SopPage.parse(export.pages().get(3), "BUSINESS_HOURS(24)");

        ProcedureBody procedure = relances.procedure();
        assertThat(relances.errors()).isEmpty();
        assertThat(relances.hasSteps()).isTrue();
        assertThat(procedure.title()).isEqualTo("Relances clients");
        assertThat(procedure.taskType()).isEqualTo("PAYMENT_REMINDER");
        assertThat(procedure.slaPolicy()).isEqualTo("WEEKLY(MON 09:00)");
        assertThat(procedure.objective()).isEqualTo("Relancer chaque lundi les factures échues de plus de 7 jours");
        assertThat(procedure.scope()).isEqualTo("Factures clients échues, hors litiges en cours");
        assertThat(procedure.raci().responsible()).containsExactly("assistant back-office");
        assertThat(procedure.raci().accountable()).isEqualTo("marc");
        assertThat(procedure.raci().consulted()).containsExactly("finance");
        assertThat(procedure.raci().informed()).containsExactly("direction");
        assertThat(procedure.resources()).containsExactly("crm", "accounting");
        assertThat(procedure.tools()).containsExactly("HubSpot");
        assertThat(procedure.templates()).containsExactly("relance-niveau-1");
        assertThat(procedure.steps()).containsExactly("Extraire les factures échues depuis la comptabilité",
                "Envoyer la relance niveau 1 avec le modèle", "Noter la relance dans le CRM");
        assertThat(procedure.qualityChecks()).containsExactly("Montant vérifié", "Bon destinataire");
        assertThat(procedure.kpis()).containsExactly("Délai moyen de traitement", "% tâches livrées à temps");
        assertThat(procedure.annexes()).containsExactly("Modèle de relance niveau 1 (modeles/relance-niveau-1.md)");
    }

    @Test
    void shouldFillWhatASopPageLacks_withTheDocumentedDefaults() {
        NotionExport export = NotionArchive.read(SampleExport.load().zip(), SETTINGS);

        SopPage facturation = SopPage.parse(export.pages().get(2), "BUSINESS_HOURS(24)");
        SopPage home = SopPage.parse(export.pages().get(0), "BUSINESS_HOURS(24)");

        ProcedureBody procedure = facturation.procedure();
        assertThat(procedure.objective())
                .isEqualTo("Émettre les factures du mois au plus tard deux jours ouvrés après la clôture.");
        assertThat(procedure.scope()).isEqualTo("As the Notion page \"Facturation mensuelle\" describes it");
        assertThat(procedure.taskType()).isEqualTo("FACTURATION");
        assertThat(procedure.slaPolicy()).isEqualTo("BUSINESS_DAYS(2)");
        assertThat(procedure.raci().responsible()).isEqualTo(SopPage.DEFAULT_RESPONSIBLE);
        assertThat(procedure.raci().accountable()).isEqualTo(SopPage.DEFAULT_ACCOUNTABLE);
        assertThat(procedure.qualityChecks()).containsExactly("Numérotation continue", "TVA correcte");
        assertThat(facturation.notes()).anyMatch(note -> note.startsWith("No scope"))
                .anyMatch(note -> note.startsWith("RACI incomplete"));
        assertThat(home.hasSteps()).isFalse();
        assertThat(home.procedure().slaPolicy()).isEqualTo("BUSINESS_HOURS(24)");
    }

    @Test
    void shouldReportAnSlaInNoKnownForm_asAnErrorOfThePage() {
        NotionExport.File page = NotionExport.File.of("SOPs/Paie 5e6f7a8b9c0d4e1f8a2b3c4d5e6f7a8b.md",
                "# Paie\n\nSLA: dès que possible\n\n## Étapes\n\n1. Collecter les variables\n");

        SopPage paie = SopPage.parse(page, "BUSINESS_HOURS(24)");

        assertThat(paie.errors()).singleElement().asString().contains("SLA: \"dès que possible\" is no SLA");
        assertThat(paie.procedure().steps()).containsExactly("Collecter les variables");
    }

    private static void assertRefused(Runnable read, HttpStatus status, String message) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(NotionExportRefused.class, refused -> {
            assertThat(refused.status()).isEqualTo(status);
            assertThat(refused.getMessage()).contains(message);
        });
    }
}
