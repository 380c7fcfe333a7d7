package io.relais.query.engagement;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Provider engagements: commercial data (rates), so only for approvers, admins and auditors. */
@RestController
@RequestMapping("/api/engagements")
class EngagementController {

    static final int MAX_LIMIT = 500;

    private final EngagementRepository engagements;

    EngagementController(EngagementRepository engagements) {
        this.engagements = engagements;
    }

    /** Newest first; {@code provider} (the provider organisation) and {@code agent} match exactly. */
    @GetMapping
    List<EngagementView> list(@RequestParam Optional<EngagementStatus> status,
                              @RequestParam Optional<String> provider,
                              @RequestParam Optional<String> agent,
                              @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        return engagements.list(status, nonBlank(provider), nonBlank(agent), limit);
    }

    @GetMapping("/{id}")
    EngagementView get(@PathVariable UUID id) {
        return engagements.find(id).orElseThrow(() -> new EngagementNotFoundException(id));
    }

    private static Optional<String> nonBlank(Optional<String> filter) {
        return filter.map(String::strip).filter(value -> !value.isEmpty());
    }
}
