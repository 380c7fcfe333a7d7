package io.relais.query.access;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The access registry for auditors and admins: current grants, their history, the state as of any instant, review. */
@RestController
@RequestMapping("/api/access")
class AccessController {

    static final int MAX_LIMIT = 1000;

    private final AccessRepository registry;
    private final AccessReview review;

    AccessController(AccessRepository registry, AccessReview review) {
        this.registry = registry;
        this.review = review;
    }

    /** Newest first; every filter matches exactly. */
    @GetMapping("/grants")
    List<GrantView> grants(@RequestParam Optional<String> principal,
                           @RequestParam Optional<String> resource,
                           @RequestParam Optional<GrantStatus> status,
                           @RequestParam Optional<String> organisation,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        return registry.list(nonBlank(principal), nonBlank(resource), status, nonBlank(organisation), limit);
    }

    @GetMapping("/grants/{id}")
    GrantDetail grant(@PathVariable UUID id) {
        GrantView grant = registry.find(id.toString()).orElseThrow(() -> new GrantNotFoundException(id));
        return new GrantDetail(grant, registry.historyOf(grant.grantId()));
    }

    /**
     * Every grant, revocation, expiry and review of the grants of {@code principal} and/or {@code resource} (one at
     * least) that took effect in {@code [from, to]}, oldest first.
     */
    @GetMapping("/history")
    List<HistoryEntry> history(@RequestParam Optional<String> principal,
                               @RequestParam Optional<String> resource,
                               @RequestParam Optional<Instant> from,
                               @RequestParam Optional<Instant> to,
                               @RequestParam(defaultValue = "500") @Min(1) @Max(MAX_LIMIT) int limit) {
        Optional<String> who = nonBlank(principal);
        Optional<String> what = nonBlank(resource);
        if (who.isEmpty() && what.isEmpty()) {
            throw new InvalidAccessQueryException("Name a 'principal' or a 'resource' (or both)");
        }
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new InvalidAccessQueryException("'from' (" + from.get() + ") is after 'to' (" + to.get() + ")");
        }
        return registry.history(who, what, from, to, limit);
    }

    /**
     * The grants active at {@code at} of {@code resource} ("who could access R at T") or of {@code principal} ("what
     * could P access at T"), or of both, folded from the access events that took effect up to {@code at}.
     */
    @GetMapping("/as-of")
    AsOfAnswer asOf(@RequestParam Optional<Instant> at,
                    @RequestParam Optional<String> principal,
                    @RequestParam Optional<String> resource) {
        Instant instant = at.orElseThrow(() -> new InvalidAccessQueryException(
                "'at' is required: the instant to rebuild the access state at, e.g. 2026-03-14T10:00:00Z"));
        Optional<String> who = nonBlank(principal);
        Optional<String> what = nonBlank(resource);
        if (who.isEmpty() && what.isEmpty()) {
            throw new InvalidAccessQueryException("Name a 'resource' (who could access it) or a 'principal' (what"
                    + " could they access), or both");
        }
        List<AccessStep> steps = registry.stepsUpTo(instant, who, what).stream().map(HistoryEntry::step).toList();
        List<GrantView> active = AccessFold.asOf(steps, instant).activeAt(instant);
        return new AsOfAnswer(instant, who.orElse(null), what.orElse(null), steps.size(), active);
    }

    /** The access review over the grants active now: each line names a grant and one reason to look at it. */
    @GetMapping("/review")
    ReviewReport review() {
        return review.report();
    }

    private static Optional<String> nonBlank(Optional<String> filter) {
        return filter.map(String::strip).filter(value -> !value.isEmpty());
    }
}
