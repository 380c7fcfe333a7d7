package io.relais.query.slack;

import java.net.URI;
import java.util.List;

/**
 * A weekly review's summary for Slack: a headline, a few facts (label, value), and where the full report is. Figures
 * only, never a task's title or a person's name.
 *
 * @param report the report's page; a relative URI is resolved against the dashboard's URL
 */
public record WeeklyDigest(String headline, List<Fact> facts, URI report) {

    public WeeklyDigest {
        facts = List.copyOf(facts);
    }

    public record Fact(String label, String value) {
    }
}
