package io.relais.query.review;

import io.relais.contract.kpi.Kpis;
import io.relais.query.review.WeeklyReview.Count;
import io.relais.query.review.WeeklyReview.KpiChange;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The review as one A4 page of self-contained XHTML (inline style, no script, no external resource): served as the
 * HTML report and turned into the PDF as it is. French, like the dashboard. Only characters of the PDF's standard
 * fonts (WinAnsi) are used, so the PDF shows exactly the HTML's text.
 */
final class WeeklyReviewPage {

    /** The KPIs the page shows, with their label; the JSON figures have every windowed KPI. */
    static final Map<String, String> HEADLINES = headlines();
    /** How many rows a list (escalations, types) shows at most, to stay on one page. */
    static final int MAX_ROWS = 5;

    private static final Locale FRENCH = Locale.FRENCH;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", FRENCH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", FRENCH)
            .withZone(ZoneId.of("UTC"));
    private static final String NO_VALUE = "-";

    private WeeklyReviewPage() {
    }

    private static Map<String, String> headlines() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Kpis.TASKS_REQUESTED, "Demandes");
        labels.put(Kpis.THROUGHPUT, "Tâches terminées (débit)");
        labels.put(Kpis.TASKS_APPROVED, "Tâches validées");
        labels.put(Kpis.ON_TIME_RATE, "Dans les délais (SLA)");
        labels.put(Kpis.CRITICAL_ON_TIME_RATE, "Critiques dans les délais");
        labels.put(Kpis.PROCESSING_SLA_P50, "Délai de traitement p50 (SLA)");
        labels.put(Kpis.PROCESSING_SLA_P90, "Délai de traitement p90 (SLA)");
        labels.put(Kpis.ERROR_RATE, "Taux de reprise");
        labels.put(Kpis.REWORKS, "Reprises");
        labels.put(Kpis.INCIDENTS, "Incidents");
        labels.put(Kpis.SATISFACTION, "Satisfaction (0-10)");
        labels.put(Kpis.INTERNAL_NPS, "NPS interne");
        labels.put(Kpis.TIME_SAVED, "Temps gagné");
        labels.put(Kpis.SAVINGS, "Économies");
        labels.put(Kpis.PROVIDER_COST, "Coût prestataire");
        labels.put(Kpis.COST_PER_TASK, "Coût par tâche");
        labels.put(Kpis.HEALTH_GROWTH, "Santé (croissance)");
        labels.put(Kpis.HEALTH_TRANSFORMATION, "Santé (transformation)");
        return labels;
    }

    static String render(WeeklyReview review) {
        String week = DAY.format(review.weekStart()) + " au " + DAY.format(review.weekEnd());
        StringBuilder page = new StringBuilder(8_192);
        page.append("""
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="fr">
                <head>
                <meta charset="UTF-8" />
                <title>Revue hebdomadaire du %s</title>
                <style>
                @page { size: A4; margin: 12mm 14mm; }
                body { font-family: Helvetica, Arial, sans-serif; font-size: 8.5pt; color: #1f2937; margin: 0; }
                h1 { font-size: 15pt; margin: 0 0 2pt 0; }
                h2 { font-size: 10pt; margin: 9pt 0 3pt 0; border-bottom: 1px solid #cbd5e1; padding-bottom: 1pt; }
                p.meta { color: #64748b; margin: 0 0 4pt 0; }
                table { width: 100%%; border-collapse: collapse; }
                th, td { padding: 1.5pt 4pt; text-align: left; border-bottom: 1px solid #e2e8f0; }
                th { background: #f1f5f9; font-weight: bold; }
                td.n, th.n { text-align: right; }
                .up { color: #166534; } .down { color: #b91c1c; }
                div.cols { width: 100%%; }
                div.col { float: left; width: 48%%; margin-right: 4%%; }
                div.col.last { margin-right: 0; }
                div.clear { clear: both; }
                .tiles td { border: 1px solid #cbd5e1; text-align: center; padding: 4pt; width: 25%%; }
                .tiles .big { font-size: 13pt; font-weight: bold; display: block; }
                </style>
                </head>
                <body>
                """.formatted(xml(week)));
        page.append("<h1>Revue hebdomadaire</h1>\n");
        page.append("<p class=\"meta\">Semaine du ").append(xml(week)).append(" (UTC, ")
                .append(review.from()).append(" - ").append(review.to()).append(") - générée le ")
                .append(WHEN.format(review.generatedAt())).append(" UTC</p>\n");

        WeeklyReview.Savings savings = review.savings();
        page.append("<table class=\"tiles\"><tr>");
        tile(page, "Temps gagné", hours(savings.timeSavedHours()), "évolution : " + change(Kpis.TIME_SAVED,
                difference(savings.timeSavedHours(), savings.previousTimeSavedHours())));
        tile(page, "Économies", euros(savings.savingsEur()), "évolution : " + change(Kpis.SAVINGS,
                difference(savings.savingsEur(), savings.previousSavingsEur())));
        tile(page, "SLA dépassés", count(review.sla().breached()), "à risque : " + count(review.sla().atRisk()));
        tile(page, "Escalades ouvertes", count(review.openEscalations().count()),
                "tâches ouvertes : " + count(review.openTasksAtEnd()));
        page.append("</tr></table>\n");

        page.append("<h2>Indicateurs (semaine comparée à la précédente)</h2>\n<table>\n")
                .append("<tr><th>Indicateur</th><th class=\"n\">Cette semaine</th>")
                .append("<th class=\"n\">Semaine précédente</th><th class=\"n\">Évolution</th></tr>\n");
        Map<String, KpiChange> byName = review.kpis().stream()
                .collect(Collectors.toMap(KpiChange::kpi, kpi -> kpi, (a, b) -> a));
        HEADLINES.forEach((kpi, label) -> {
            KpiChange figure = byName.getOrDefault(kpi, KpiChange.of(kpi, null, null));
            page.append("<tr><td>").append(xml(label)).append("</td><td class=\"n\">")
                    .append(value(kpi, figure.value())).append("</td><td class=\"n\">")
                    .append(value(kpi, figure.previous())).append("</td>")
                    .append(changeCell(kpi, figure.change())).append("</tr>\n");
        });
        page.append("</table>\n");

        page.append("<div class=\"cols\"><div class=\"col\">\n");
        page.append("<h2>SLA : dépassements et alertes</h2>\n<table>")
                .append(row("Dépassés", count(review.sla().breached())))
                .append(row("À risque", count(review.sla().atRisk())));
        limit(review.sla().breachedByType()).forEach(type -> page.append(row("Dépassés - " + type.name(),
                count(type.count()))));
        page.append("</table>\n");
        page.append("<h2>Incidents et reprises</h2>\n<table>")
                .append(row("Incidents signalés", count(review.incidents().reported())));
        review.incidents().bySeverity().forEach(severity -> page.append(row("Gravité " + severity.name(),
                count(severity.count()))));
        page.append(row("Reprises demandées", count(review.reworks().requested())))
                .append(row("Tâches reprises", count(review.reworks().tasks())))
                .append("</table>\n");
        page.append("</div><div class=\"col last\">\n");
        WeeklyReview.AccessChanges access = review.accessChanges();
        page.append("<h2>Accès : changements</h2>\n<table>")
                .append(row("Accordés", count(access.granted())))
                .append(row("Révoqués", count(access.revoked())))
                .append(row("Expirés", count(access.expired())))
                .append(row("Revus", count(access.reviewed())))
                .append("</table>\n");
        page.append("<h2>Escalades ouvertes en fin de semaine</h2>\n");
        if (review.openEscalations().oldest().isEmpty()) {
            page.append("<p>Aucune.</p>\n");
        } else {
            page.append("<table><tr><th>Tâche</th><th>Type</th><th>Priorité</th><th>Escaladée le</th></tr>");
            limit(review.openEscalations().oldest()).forEach(escalation -> page.append("<tr><td>")
                    .append(escalation.taskId().toString(), 0, 8).append("</td><td>").append(xml(escalation.type()))
                    .append("</td><td>").append(xml(escalation.priority())).append("</td><td>")
                    .append(WHEN.format(escalation.escalatedAt())).append("</td></tr>"));
            if (review.openEscalations().count() > MAX_ROWS) {
                page.append("<tr><td colspan=\"4\">et ").append(review.openEscalations().count() - MAX_ROWS)
                        .append(" autres</td></tr>");
            }
            page.append("</table>\n");
        }
        page.append("</div><div class=\"clear\"></div></div>\n");
        page.append("<p class=\"meta\">Sources : indicateurs de la fenêtre glissante de 7 jours commençant le lundi "
                + "(GET /api/kpis, windowKind=TRAILING_7D), alertes SLA, historique des tâches et des accès.</p>\n");
        page.append("</body>\n</html>\n");
        return page.toString();
    }

    private static <T> List<T> limit(List<T> rows) {
        return rows.size() <= MAX_ROWS ? rows : rows.subList(0, MAX_ROWS);
    }

    private static void tile(StringBuilder page, String label, String value, String detail) {
        page.append("<td><span class=\"big\">").append(xml(value)).append("</span>").append(xml(label))
                .append("<br />").append(xml(detail)).append("</td>");
    }

    private static String row(String label, String value) {
        return "<tr><td>" + xml(label) + "</td><td class=\"n\">" + xml(value) + "</td></tr>";
    }

    private static String changeCell(String kpi, Double change) {
        if (change == null || change == 0) {
            return "<td class=\"n\">" + xml(change(kpi, change)) + "</td>";
        }
        boolean better = (change > 0) != lowerIsBetter(kpi);
        return "<td class=\"n " + (better ? "up" : "down") + "\">" + xml(change(kpi, change)) + "</td>";
    }

    /** Rework, incidents, durations and costs improve when they fall. */
    private static boolean lowerIsBetter(String kpi) {
        return kpi.equals(Kpis.ERROR_RATE) || kpi.equals(Kpis.REWORKS) || kpi.startsWith(Kpis.INCIDENTS)
                || kpi.startsWith("processing-time") || kpi.equals(Kpis.PROVIDER_COST)
                || kpi.equals(Kpis.COST_PER_TASK);
    }

    static String value(String kpi, Double value) {
        if (value == null) {
            return NO_VALUE;
        }
        if (isRate(kpi)) {
            return number(value * 100, 1) + " %";
        }
        if (kpi.endsWith("-hours")) {
            return hours(value);
        }
        if (kpi.endsWith("-eur")) {
            return euros(value);
        }
        return number(value, 1);
    }

    static String change(String kpi, Double change) {
        if (change == null) {
            return NO_VALUE;
        }
        String sign = change > 0 ? "+" : change < 0 ? "-" : "";
        double size = Math.abs(change);
        if (isRate(kpi)) {
            return sign + number(size * 100, 1) + " pts";
        }
        return sign + value(kpi, size);
    }

    private static boolean isRate(String kpi) {
        return kpi.endsWith("-rate");
    }

    private static Double difference(Double value, Double previous) {
        return value == null || previous == null ? null : value - previous;
    }

    private static String hours(Double hours) {
        return hours == null ? NO_VALUE : number(hours, 1) + " h";
    }

    private static String euros(Double euros) {
        return euros == null ? NO_VALUE : number(euros, 2) + " €";
    }

    private static String count(long count) {
        return number(count, 0);
    }

    /**
     * French digits (decimal comma, no-break space between thousands) without the narrow no-break space the JDK's
     * French locale uses, which the PDF's standard fonts lack.
     */
    static String number(double value, int decimals) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(FRENCH);
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator(',');
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals), symbols);
        return format.format(value);
    }

    private static String xml(String text) {
        if (text == null) {
            return NO_VALUE;
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
