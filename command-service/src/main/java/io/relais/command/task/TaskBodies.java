package io.relais.command.task;

import io.relais.contract.task.ChecklistResult;
import io.relais.contract.task.Confidentiality;
import io.relais.contract.task.IncidentKind;
import io.relais.contract.task.IncidentSeverity;
import io.relais.contract.task.TaskPriority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * What callers may say in each task request. Ids, actors, times and states are the server's; any field not
 * listed here is refused as unknown.
 */
public final class TaskBodies {

    static final String TEXT = "[^\\p{Cntrl}]*";
    /** Line breaks and tabs are fine in longer texts; other control characters are not. */
    static final String MULTILINE_TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    private TaskBodies() {
    }

    /**
     * @param processId the SOP to follow: it fixes the type and the SLA policy
     * @param slaPolicy only for ad-hoc work (no SOP), e.g. {@code BUSINESS_HOURS(24)}; a default applies otherwise
     */
    public record RequestTaskBody(
            @NotBlank @Size(max = 200) @Pattern(regexp = TEXT, message = "must not contain control characters")
            String title,
            @Size(max = 4000) @Pattern(regexp = MULTILINE_TEXT, message = "must not contain control characters")
            String description,
            @Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]{0,49}",
                    message = "must be a word of letters, digits, '_' or '-' (at most 50), e.g. INVOICING")
            String type,
            TaskPriority priority,
            UUID processId,
            Confidentiality confidentiality,
            @Pattern(regexp = "(BUSINESS_HOURS|BUSINESS_DAYS|CALENDAR_HOURS)\\(\\d{1,4}\\)",
                    message = "must be BUSINESS_HOURS(n), BUSINESS_DAYS(n) or CALENDAR_HOURS(n)")
            String slaPolicy) {
    }

    record AssignBody(@NotBlank @Size(max = 100) @Pattern(regexp = TEXT) String agent, UUID engagementId) {
    }

    record ReasonBody(@NotBlank @Size(max = 1000) @Pattern(regexp = MULTILINE_TEXT) String reason) {
    }

    record CompletionBody(@NotNull @Min(0) @Max(100_000) Integer timeSpentMinutes,
                          @Size(max = 50) List<@Valid @NotNull ChecklistItemBody> checklist) {

        List<ChecklistResult> results() {
            return checklist == null ? List.of()
                    : checklist.stream().map(item -> new ChecklistResult(item.item(), item.passed(), item.note())).toList();
        }
    }

    record ChecklistItemBody(@NotBlank @Size(max = 200) @Pattern(regexp = TEXT) String item, @NotNull Boolean passed,
                             @Size(max = 1000) @Pattern(regexp = MULTILINE_TEXT) String note) {
    }

    record PriorityBody(@NotNull TaskPriority priority) {
    }

    record RatingBody(@NotNull @Min(0) @Max(10) Integer rating,
                      @Size(max = 1000) @Pattern(regexp = MULTILINE_TEXT) String comment) {
    }

    record IncidentBody(@NotNull IncidentKind kind, @NotNull IncidentSeverity severity,
                        @NotBlank @Size(max = 4000) @Pattern(regexp = MULTILINE_TEXT) String description) {
    }
}
