package io.relais.query.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.contract.EventType;
import io.relais.contract.kpi.KpiValue;
import io.relais.contract.kpi.Kpis;
import io.relais.contract.kpi.WindowKind;
import io.relais.query.access.AccessRepository;
import io.relais.query.kpi.KpiFilter;
import io.relais.query.kpi.KpiRepository;
import io.relais.query.kpi.SlaAlertRepository;
import io.relais.query.slack.SlackNotifier;
import io.relais.query.slack.WeeklyDigest;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates, keeps and serves the weekly reviews (issue 11). The figures come from the projections as they stand:
 * the KPIs from {@code kpi_value} through {@link KpiRepository} (exactly what {@code GET /api/kpis} serves), the SLA
 * alerts through {@link SlaAlertRepository}, access changes through {@link AccessRepository}, task activity from the
 * task timeline.
 */
@Service
class WeeklyReviewService {

    private static final Logger log = LoggerFactory.getLogger(WeeklyReviewService.class);
    static final String SCHEDULER = "scheduler";
    /** Far above a week's access events in any company this serves; the counts would be wrong only beyond it. */
    private static final int MAX_ACCESS_EVENTS = 100_000;

    private final KpiRepository kpis;
    private final SlaAlertRepository alerts;
    private final AccessRepository access;
    private final WeeklyActivityReader activity;
    private final WeeklyReviewRepository reviews;
    private final ObjectMapper json;
    private final Clock clock;
    private final WeeklyReviewProperties properties;
    private final ObjectProvider<SlackNotifier> slack;
    private final TransactionTemplate snapshot;

    WeeklyReviewService(KpiRepository kpis, SlaAlertRepository alerts, AccessRepository access,
                        WeeklyActivityReader activity, WeeklyReviewRepository reviews, ObjectMapper json, Clock clock,
                        WeeklyReviewProperties properties, ObjectProvider<SlackNotifier> slack,
                        PlatformTransactionManager transactions) {
        this.kpis = kpis;
        this.alerts = alerts;
        this.access = access;
        this.activity = activity;
        this.reviews = reviews;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.slack = slack;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Generates the review of the week starting on {@code weekStart} (a Monday, UTC) and stores it, replacing an
     * earlier one of the same week. The figures are read in one repeatable-read snapshot, so they agree with each
     * other even while projections move.
     */
    WeeklyReviewRepository.Stored generate(LocalDate weekStart, String generatedBy) {
        requireCompleteWeek(weekStart);
        WeeklyReviewRepository.Stored stored = snapshot.execute(status -> {
            WeeklyReview review = figures(weekStart);
            String html = WeeklyReviewPage.render(review);
            byte[] pdf = WeeklyReviewPdf.render(html);
            reviews.save(weekStart, review.generatedAt(), generatedBy, write(review), html, pdf, sha256(pdf));
            return reviews.find(weekStart).orElseThrow();
        });
        log.info("Weekly review of {} generated (revision {}, by {}, {} PDF bytes)", weekStart, stored.revision(),
                generatedBy, stored.pdfBytes());
        return stored;
    }

    /** The figures of a week as the projections hold them now, without storing anything. */
    WeeklyReview figures(LocalDate weekStart) {
        Instant from = WeeklyReviewFigures.start(weekStart);
        Instant to = WeeklyReviewFigures.end(weekStart);
        // access_history's filter is inclusive at both ends; timestamps are microseconds
        Instant lastMicrosecond = to.minus(1, ChronoUnit.MICROS);
        WeeklyReviewFigures.Inputs inputs = new WeeklyReviewFigures.Inputs(
                trailingWeek(from), trailingWeek(WeeklyReviewFigures.start(weekStart.minusWeeks(1))),
                alerts.crossedBetween(from, to),
                activity.incidentsBySeverity(from, to),
                activity.eventsByTaskType(EventType.INCIDENT_REPORTED, from, to),
                activity.eventsByTaskType(EventType.TASK_REWORK_REQUESTED, from, to),
                activity.tasksWith(EventType.TASK_REWORK_REQUESTED, from, to),
                activity.openAt(to),
                activity.openEscalationsAt(to),
                access.history(Optional.empty(), Optional.empty(), Optional.of(from), Optional.of(lastMicrosecond),
                        MAX_ACCESS_EVENTS));
        return WeeklyReviewFigures.assemble(weekStart, clock.instant().truncatedTo(ChronoUnit.MILLIS), inputs);
    }

    /** The company-wide TRAILING_7D window starting at {@code start}: the filter {@code GET /api/kpis} applies. */
    private List<KpiValue> trailingWeek(Instant start) {
        return kpis.find(new KpiFilter(Optional.empty(), Optional.of(Kpis.OVERALL), Optional.of(Kpis.ALL),
                Optional.of(WindowKind.TRAILING_7D), Optional.of(start), Optional.of(start.plusMillis(1)),
                Optional.empty()), Kpis.WINDOWED.size() * 2);
    }

    List<WeeklyReviewRepository.Stored> list(int limit) {
        return reviews.list(limit);
    }

    WeeklyReviewRepository.Stored find(LocalDate weekStart) {
        requireMonday(weekStart);
        return reviews.find(weekStart).orElseThrow(() -> WeeklyReviewProblems.notFound(weekStart));
    }

    String figuresJson(LocalDate weekStart) {
        requireMonday(weekStart);
        return reviews.figures(weekStart).orElseThrow(() -> WeeklyReviewProblems.notFound(weekStart));
    }

    String html(LocalDate weekStart) {
        requireMonday(weekStart);
        return reviews.html(weekStart).orElseThrow(() -> WeeklyReviewProblems.notFound(weekStart));
    }

    byte[] pdf(LocalDate weekStart) {
        requireMonday(weekStart);
        return reviews.pdf(weekStart).orElseThrow(() -> WeeklyReviewProblems.notFound(weekStart));
    }

    /**
     * The scheduled run: generates each complete week that has no review yet since the latest one (at most
     * {@code catchUpWeeks}, the latest), so that a run missed while the service was down, or several, are made up;
     * a week already reviewed is left as it is. Then, if asked, posts the last complete week's summary to Slack once.
     * Throws if the database or Slack fails: the run is then retried (see {@link WeeklyReviewSchedule}), and
     * repeats neither a generation nor a post that succeeded.
     */
    void runScheduled() {
        LocalDate lastComplete = WeeklyReviewFigures.lastCompleteWeek(clock.instant());
        LocalDate earliest = lastComplete.minusWeeks(properties.catchUpWeeks() - 1L);
        LocalDate first = reviews.latestWeek().map(latest -> latest.plusWeeks(1)).orElse(lastComplete);
        List<LocalDate> generated = new ArrayList<>();
        for (LocalDate week = first.isBefore(earliest) ? earliest : first; !week.isAfter(lastComplete);
             week = week.plusWeeks(1)) {
            if (reviews.find(week).isEmpty()) {
                generate(week, SCHEDULER);
                generated.add(week);
            }
        }
        log.info("Weekly review run: last complete week {}, generated {}", lastComplete, generated);
        if (properties.slackPost()) {
            postToSlack(lastComplete);
        }
    }

    private void postToSlack(LocalDate weekStart) {
        SlackNotifier notifier = slack.getIfAvailable();
        if (notifier == null) {
            log.warn("relais.weekly-review.slack-post is on but Slack is not configured (RELAIS_SLACK_WEBHOOK_URL)");
            return;
        }
        WeeklyReviewRepository.Stored stored = reviews.find(weekStart).orElseThrow();
        if (stored.slackPostedAt() != null) {
            return;
        }
        WeeklyReview review = read(reviews.figures(weekStart).orElseThrow());
        notifier.postWeeklyDigest(digest(review));
        reviews.markPosted(weekStart, clock.instant());
    }

    static WeeklyDigest digest(WeeklyReview review) {
        List<WeeklyDigest.Fact> facts = new ArrayList<>();
        facts.add(fact(review, Kpis.THROUGHPUT, "Tâches terminées"));
        facts.add(fact(review, Kpis.ON_TIME_RATE, "Dans les délais"));
        facts.add(new WeeklyDigest.Fact("SLA dépassés", Long.toString(review.sla().breached())));
        facts.add(new WeeklyDigest.Fact("Incidents", Long.toString(review.incidents().reported())));
        facts.add(new WeeklyDigest.Fact("Reprises", Long.toString(review.reworks().requested())));
        facts.add(new WeeklyDigest.Fact("Escalades ouvertes", Long.toString(review.openEscalations().count())));
        facts.add(new WeeklyDigest.Fact("Changements d'accès", Long.toString(review.accessChanges().total())));
        facts.add(fact(review, Kpis.TIME_SAVED, "Temps gagné"));
        facts.add(fact(review, Kpis.SAVINGS, "Économies"));
        return new WeeklyDigest("Revue hebdomadaire — semaine du " + review.weekStart() + " au " + review.weekEnd(),
                facts, URI.create("/api/reviews/weekly/" + review.weekStart() + "/html"));
    }

    private static WeeklyDigest.Fact fact(WeeklyReview review, String kpi, String label) {
        WeeklyReview.KpiChange figure = review.kpis().stream().filter(k -> k.kpi().equals(kpi)).findFirst()
                .orElse(WeeklyReview.KpiChange.of(kpi, null, null));
        return new WeeklyDigest.Fact(label, WeeklyReviewPage.value(kpi, figure.value()) + " ("
                + WeeklyReviewPage.change(kpi, figure.change()) + ")");
    }

    private void requireCompleteWeek(LocalDate weekStart) {
        requireMonday(weekStart);
        LocalDate lastComplete = WeeklyReviewFigures.lastCompleteWeek(clock.instant());
        if (weekStart.isAfter(lastComplete)) {
            throw WeeklyReviewProblems.notEnded(weekStart, lastComplete);
        }
    }

    private static void requireMonday(LocalDate weekStart) {
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw WeeklyReviewProblems.notAMonday(weekStart);
        }
    }

    WeeklyReview read(String figures) {
        try {
            return json.readValue(figures, WeeklyReview.class);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("Stored weekly review figures unreadable", unreadable);
        }
    }

    private String write(WeeklyReview review) {
        try {
            return json.writeValueAsString(review);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("Weekly review figures unwritable", unwritable);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
