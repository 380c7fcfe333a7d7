package io.relais.command.task;

import io.relais.contract.task.TaskPriority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a requester may say when asking for work. Everything else (id, requester, time) is decided by
 * the server; unknown fields are refused by the JSON reader.
 *
 * @param priority optional, {@code NORMAL} when absent
 */
public record TaskRequestBody(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String title,
        @NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]{0,49}",
                message = "must be a word of letters, digits, '_' or '-' (at most 50), e.g. INVOICING")
        String type,
        TaskPriority priority) {

    RequestTask toCommand(String taskId, java.time.Instant requestedAt) {
        return new RequestTask(taskId, title.strip(), type.toUpperCase(java.util.Locale.ROOT),
                priority == null ? TaskPriority.NORMAL : priority, requestedAt);
    }
}
