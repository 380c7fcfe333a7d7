package io.relais.query.webhook;

import io.relais.contract.EventType;
import io.relais.contract.Topics;
import io.relais.contract.sla.SlaAlert;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a subscription may ask for. A filter is a list of patterns; each is an exact CloudEvents {@code type}
 * ({@code relais.task.incident-reported.v1}) or a family, a prefix ending in {@code .*} ({@code relais.task.*},
 * {@code relais.access.*}, {@code relais.sla-alert.*}, {@code relais.task.incident-reported.*}, {@code relais.*}). A
 * pattern that names no event Relais delivers is refused when the subscription is created; a family also takes the
 * types added to it later (a {@code .v2}).
 */
final class WebhookEventTypes {

    /** SLA alerts are plain JSON on their topic; they are delivered as CloudEvents of these types. */
    static final String SLA_ALERT_PREFIX = "relais.sla-alert.";

    /** The families the README lists, for the refusal's detail. */
    static final List<String> FAMILIES = List.of("relais.task.*", "relais.access.*", "relais.sla-alert.*");

    /** Every type a subscription can receive: the task and access events, and the two SLA alerts. */
    static final Set<String> DELIVERABLE = Stream.concat(
                    Arrays.stream(EventType.values())
                            .filter(type -> type.topic().name().equals(Topics.TASKS.name())
                                    || type.topic().name().equals(Topics.ACCESS.name()))
                            .map(EventType::cloudEventType),
                    Arrays.stream(SlaAlert.Kind.values()).map(WebhookEventTypes::slaAlertType))
            .collect(Collectors.toUnmodifiableSet());

    private WebhookEventTypes() {
    }

    /** {@code relais.sla-alert.at-risk.v1}, {@code relais.sla-alert.breached.v1}. */
    static String slaAlertType(SlaAlert.Kind kind) {
        return SLA_ALERT_PREFIX + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".v1";
    }

    /** The patterns that name nothing deliverable (empty: the filter is valid). */
    static List<String> unknown(Collection<String> patterns) {
        List<String> unknown = new ArrayList<>();
        for (String pattern : patterns) {
            if (pattern == null || DELIVERABLE.stream().noneMatch(type -> matches(pattern, type))) {
                unknown.add(pattern);
            }
        }
        return unknown;
    }

    /** Whether an event of {@code type} is one the filter asks for. */
    static boolean anyMatches(Collection<String> patterns, String type) {
        return patterns.stream().anyMatch(pattern -> matches(pattern, type));
    }

    static boolean matches(String pattern, String type) {
        if (pattern.endsWith(".*")) {
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(type);
    }
}
