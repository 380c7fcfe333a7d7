package io.relais.query.process;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The procedure (SOP) catalogue, readable by every role: an agent needs the SOP to do the work. */
@RestController
@RequestMapping("/api/processes")
class ProcessController {

    static final int MAX_LIMIT = 500;

    private final ProcessReader processes;

    ProcessController(ProcessReader processes) {
        this.processes = processes;
    }

    /**
     * By title. {@code taskType} is matched case-insensitively because the command side stores task types in
     * upper case whatever the author typed.
     */
    @GetMapping
    List<ProcessView> list(@RequestParam Optional<ProcessStatus> status,
                           @RequestParam Optional<String> taskType,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        return processes.list(status,
                taskType.filter(t -> !t.isBlank()).map(t -> t.trim().toUpperCase(Locale.ROOT)), limit);
    }

    /** The current version, every version (oldest first) and the recent occurrences (newest first). */
    @GetMapping("/{id}")
    ProcessDetail get(@PathVariable UUID id) {
        return processes.detail(id).orElseThrow(() -> ProcessNotFoundException.process(id));
    }

    /** One version as it was written, e.g. the one a task pinned. */
    @GetMapping("/{id}/versions/{version}")
    ProcessVersionView version(@PathVariable UUID id, @PathVariable @Min(1) int version) {
        return processes.version(id, version);
    }
}
