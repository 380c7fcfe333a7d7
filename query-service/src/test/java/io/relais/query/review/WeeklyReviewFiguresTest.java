package io.relais.query.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.relais.contract.access.AccessLevel;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.kpi.Kpis;
import io.relais.contract.kpi.WindowKind;
import io.relais.contract.sla.SlaAlert;
import io.relais.contract.task.TaskPriority;
import io.relais.query.access.AccessEventKind;
import io.relais.query.access.HistoryEntry;
import io.relais.query.review.WeeklyReview.Count;
import io.relais.query.review.WeeklyReview.Escalation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The figures put together from what the projections hold, and the page and PDF made of them, at a fixed instant. */
class WeeklyReviewFiguresTest {

    private static final LocalDate WEEK = LocalDate.parse("2026-03-09");
    private static final Instant FROM = Instant.parse("2026-03-09T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-16T06:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldNameTheLastCompleteUtcWeek_whateverTheDayOfTheWeek() {
        assertThat(WeeklyReviewFigures.lastCompleteWeek(Instant.parse("2026-03-16T00:00:00Z"))).isEqualTo(WEEK);
        assertThat(WeeklyReviewFigures.lastCompleteWeek(Instant.parse("2026-03-22T23:59:59Z"))).isEqualTo(WEEK);
        assertThat(WeeklyReviewFigures.lastCompleteWeek(Instant.parse("2026-03-15T23:59:59Z")))
                .isEqualTo(WEEK.minusWeeks(1));
        assertThat(WeeklyReviewFigures.end(WEEK)).isEqualTo(Instant.parse("2026-03-16T00:00:00Z"));
    }

    @Test
    void shouldCompareEachKpiWithTheWeekBefore_andCountAlertsAndAccessChangesOfTheWeek() {
        WeeklyReview review = review();

        assertThat(review.weekEnd()).isEqualTo(LocalDate.parse("2026-03-15"));
        assertThat(review.generatedAt()).isEqualTo(CLOCK.instant());
        assertThat(review.kpis()).extracting(WeeklyReview.KpiChange::kpi).containsExactlyElementsOf(Kpis.WINDOWED);
        assertThat(kpi(review, Kpis.THROUGHPUT)).isEqualTo(new WeeklyReview.KpiChange(Kpis.THROUGHPUT, 42.0, 30.0,
                12.0));
        assertThat(kpi(review, Kpis.ON_TIME_RATE).change()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(kpi(review, Kpis.INTERNAL_NPS)).as("no value the week before: no change")
                .isEqualTo(new WeeklyReview.KpiChange(Kpis.INTERNAL_NPS, 40.0, null, null));
        assertThat(kpi(review, Kpis.CRITICAL_ON_TIME_RATE).value()).isNull();
        assertThat(review.sla()).isEqualTo(new WeeklyReview.Sla(3, 1,
                List.of(new Count("INVOICING", 2), new Count("PAYROLL", 1))));
        assertThat(review.incidents().reported()).isEqualTo(3);
        assertThat(review.reworks().requested()).isEqualTo(2);
        assertThat(review.accessChanges()).isEqualTo(new WeeklyReview.AccessChanges(2, 1, 0, 1));
        assertThat(review.savings().savingsEur()).isEqualTo(405.0);
        assertThat(review.savings().previousTimeSavedHours()).isEqualTo(10.0);
        assertThat(review.openEscalations().count()).isEqualTo(1);
    }

    @Test
    void shouldRenderOneFrenchPage_asXhtmlAndAsPdf_withTheWeeksFigures() throws Exception {
        String html = WeeklyReviewPage.render(review());

        assertThat(html).startsWith("<!DOCTYPE html>").contains("Revue hebdomadaire")
                .contains("9 mars 2026 au 15 mars 2026").contains("<td class=\"n\">42</td>")
                .contains("Dans les délais (SLA)").contains("85 %").contains("+10 pts")
                .contains("405 €").contains("15 h").contains("&lt;script&gt;").doesNotContain("<script>");
        byte[] pdf = WeeklyReviewPdf.render(html);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Revue hebdomadaire", "9 mars 2026 au 15 mars 2026", "Temps gagné",
                    "Économies", "405 €", "Indicateurs", "SLA dépassés", "Escalades ouvertes", "85 %");
        }
    }

    @Test
    void shouldStayOnOnePage_whenEveryListIsFull() throws Exception {
        WeeklyReview review = review();
        List<Escalation> many = new ArrayList<>();
        List<Count> types = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(new Escalation(UUID.randomUUID(), "TYPE_" + i, "HIGH", "IN_PROGRESS", FROM.plusSeconds(i)));
            types.add(new Count("TYPE_" + i, 40 - i));
        }
        WeeklyReview full = new WeeklyReview(review.weekStart(), review.weekEnd(), review.from(), review.to(),
                review.generatedAt(), review.kpis(), new WeeklyReview.Sla(40, 40, types),
                new WeeklyReview.Incidents(40, review.incidents().bySeverity(), types),
                new WeeklyReview.Reworks(40, 40, types), 1_234, new WeeklyReview.OpenEscalations(40, many),
                review.accessChanges(), review.savings());

        try (PDDocument document = Loader.loadPDF(WeeklyReviewPdf.render(WeeklyReviewPage.render(full)))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document))
                    .contains("et 35 autres", "tâches ouvertes : 1\u00a0234");
        }
    }

    // --- fixtures -------------------------------------------------------------------------------------------------

    private static WeeklyReview review() {
        Instant previous = FROM.minus(Duration.ofDays(7));
        List<KpiValue> current = List.of(value(Kpis.THROUGHPUT, FROM, 42), value(Kpis.ON_TIME_RATE, FROM, 0.85),
                value(Kpis.INTERNAL_NPS, FROM, 40), value(Kpis.TIME_SAVED, FROM, 15),
                value(Kpis.SAVINGS, FROM, 405));
        List<KpiValue> before = List.of(value(Kpis.THROUGHPUT, previous, 30), value(Kpis.ON_TIME_RATE, previous, 0.75),
                value(Kpis.TIME_SAVED, previous, 10), value(Kpis.SAVINGS, previous, 270));
        List<SlaAlert> alerts = List.of(alert("INVOICING", SlaAlert.Kind.BREACHED),
                alert("INVOICING", SlaAlert.Kind.BREACHED), alert("PAYROLL", SlaAlert.Kind.BREACHED),
                alert("PAYROLL", SlaAlert.Kind.AT_RISK));
        List<HistoryEntry> access = List.of(access(AccessEventKind.GRANTED), access(AccessEventKind.GRANTED),
                access(AccessEventKind.REVOKED), access(AccessEventKind.REVIEWED));
        WeeklyReviewFigures.Inputs inputs = new WeeklyReviewFigures.Inputs(current, before, alerts,
                List.of(new Count("HIGH", 1), new Count("LOW", 2)), List.of(new Count("INVOICING", 3)),
                List.of(new Count("INVOICING", 2)), 1, 7,
                List.of(new Escalation(UUID.randomUUID(), "<script>", "CRITICAL", "IN_PROGRESS",
                        FROM.plusSeconds(3600))), access);
        return WeeklyReviewFigures.assemble(WEEK, CLOCK.instant(), inputs);
    }

    private static WeeklyReview.KpiChange kpi(WeeklyReview review, String kpi) {
        return review.kpis().stream().filter(k -> k.kpi().equals(kpi)).findFirst().orElseThrow();
    }

    private static KpiValue value(String kpi, Instant start, double value) {
        return new KpiValue(kpi, Kpis.OVERALL, Kpis.ALL, start, start.plus(Duration.ofDays(7)), value,
                WindowKind.TRAILING_7D);
    }

    private static SlaAlert alert(String type, SlaAlert.Kind kind) {
        Instant crossed = FROM.plus(Duration.ofHours(30));
        return new SlaAlert(UUID.randomUUID().toString(), kind, type, TaskPriority.HIGH, null, "backoffice-pro",
                "CALENDAR_HOURS(8)", FROM, FROM.plus(Duration.ofHours(8)), crossed, crossed, 30_000, 28_800);
    }

    private static HistoryEntry access(AccessEventKind kind) {
        return new HistoryEntry(UUID.randomUUID().toString(), 0, UUID.randomUUID().toString(), kind, "amina",
                "backoffice-pro", "crm", AccessLevel.READ, "admin", List.of("ADMIN"), null, FROM.plusSeconds(60),
                null, null, null, null, null);
    }
}
