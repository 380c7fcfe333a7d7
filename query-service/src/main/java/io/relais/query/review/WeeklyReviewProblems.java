package io.relais.query.review;

import io.relais.websupport.problem.ProblemTypes;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The weekly review's refusals, as RFC 9457 problems (README, "Weekly review"). */
final class WeeklyReviewProblems {

    static final URI NOT_FOUND = URI.create("urn:relais:problem:weekly-review-not-found");

    private WeeklyReviewProblems() {
    }

    static ErrorResponseException notFound(LocalDate weekStart) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Weekly review not found", "No weekly review for the week of "
                + weekStart + "; an admin can generate it with POST /api/reviews/weekly", weekStart);
    }

    static ErrorResponseException notAMonday(LocalDate weekStart) {
        return invalid("'weekStart' must be a Monday (weeks run Monday to Sunday, UTC); " + weekStart + " is a "
                + weekStart.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), weekStart);
    }

    static ErrorResponseException notEnded(LocalDate weekStart, LocalDate lastComplete) {
        return invalid("The week of " + weekStart + " has not ended yet; the latest complete week starts on "
                + lastComplete, weekStart);
    }

    static ErrorResponseException missingWeek() {
        return invalid("'weekStart' is required: the Monday of the week to generate, e.g. 2026-03-09", null);
    }

    private static ErrorResponseException invalid(String detail, LocalDate weekStart) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request", detail, weekStart);
    }

    private static ErrorResponseException problem(HttpStatus status, URI type, String title, String detail,
                                                  LocalDate weekStart) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        if (weekStart != null) {
            problem.setProperty("weekStart", weekStart.toString());
        }
        return new ErrorResponseException(status, problem, null);
    }
}
