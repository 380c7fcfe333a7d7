package io.relais.query.review;

import io.relais.websupport.security.ActorResolver;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The weekly reviews (issue 11): listed, read as figures, HTML or PDF by the people who read the KPIs; generated on
 * demand by an admin. A week is named by its Monday (UTC weeks, README "Weekly review").
 */
@RestController
@RequestMapping("/api/reviews/weekly")
class WeeklyReviewController {

    static final int MAX_LIMIT = 520;
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final WeeklyReviewService reviews;
    private final ActorResolver actors;

    WeeklyReviewController(WeeklyReviewService reviews, ActorResolver actors) {
        this.reviews = reviews;
        this.actors = actors;
    }

    /** Newest week first. */
    @GetMapping
    List<WeeklyReviewView> list(@RequestParam(defaultValue = "52") @Min(1) @Max(MAX_LIMIT) int limit) {
        return reviews.list(limit).stream().map(WeeklyReviewView::of).toList();
    }

    /** The week's figures: KPIs against the week before, SLA breaches, incidents, reworks, escalations, access. */
    @GetMapping("/{weekStart}")
    WeeklyReview figures(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate weekStart) {
        return reviews.read(reviews.figuresJson(weekStart));
    }

    /** The one-page report, self-contained XHTML. */
    @GetMapping(value = "/{weekStart}/html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate weekStart) {
        return ResponseEntity.ok().contentType(HTML).body(reviews.html(weekStart));
    }

    /** The same page as a PDF, to download ({@code Repr-Digest} carries its SHA-256, as the list's pdfSha256). */
    @GetMapping(value = "/{weekStart}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate weekStart) {
        WeeklyReviewRepository.Stored stored = reviews.find(weekStart);
        byte[] pdf = reviews.pdf(weekStart);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(pdf.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("relais-revue-hebdomadaire-" + weekStart + ".pdf").build().toString())
                .header(HttpHeaders.ETAG, "\"" + stored.pdfSha256() + "\"")
                .body(pdf);
    }

    /**
     * Generates the week's review now (ADMIN), replacing the one there was (its revision counted up). The week must
     * have ended. Slack is not notified: only the scheduled run posts.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    WeeklyReviewView generate(@RequestBody GenerateRequest request) {
        if (request.weekStart() == null) {
            throw WeeklyReviewProblems.missingWeek();
        }
        return WeeklyReviewView.of(reviews.generate(request.weekStart(), actors.require().name()));
    }

    /** @param weekStart the Monday of the week, e.g. {@code 2026-03-09} */
    record GenerateRequest(LocalDate weekStart) {
    }
}
