package io.relais.query.review;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored weekly review as the list shows it, with where to read it.
 *
 * @param revision      1 for the first generation of the week, counted up each time it is generated again
 * @param generatedBy   the admin who asked for it, or {@code scheduler}
 * @param slackPostedAt when the scheduled run posted its summary to Slack, null if it did not
 */
record WeeklyReviewView(LocalDate weekStart, LocalDate weekEnd, int revision, Instant generatedAt, String generatedBy,
                        String pdfSha256, int pdfBytes, Instant slackPostedAt, Links links) {

    record Links(String figures, String html, String pdf) {
    }

    static WeeklyReviewView of(WeeklyReviewRepository.Stored stored) {
        String self = "/api/reviews/weekly/" + stored.weekStart();
        return new WeeklyReviewView(stored.weekStart(), stored.weekStart().plusDays(6), stored.revision(),
                stored.generatedAt(), stored.generatedBy(), stored.pdfSha256(), stored.pdfBytes(),
                stored.slackPostedAt(), new Links(self, self + "/html", self + "/pdf"));
    }
}
