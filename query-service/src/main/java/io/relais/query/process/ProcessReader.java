package io.relais.query.process;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads for the API. A procedure, its versions and occurrences are read in one snapshot, so that the list of
 * versions ends exactly at the current one even while events are being applied.
 */
@Service
class ProcessReader {

    /** How many occurrences the detail shows (the counts cover them all). */
    static final int RECENT_OCCURRENCES = 20;

    private final ProcessRepository processes;

    ProcessReader(ProcessRepository processes) {
        this.processes = processes;
    }

    @Transactional(readOnly = true)
    public List<ProcessView> list(Optional<ProcessStatus> status, Optional<String> taskType, int limit) {
        return processes.list(status, taskType, limit);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<ProcessDetail> detail(UUID processId) {
        return processes.find(processId).map(found -> {
            ProcessView process = found.view();
            ProcessRepository.OccurrenceCounts counts = processes.occurrenceCounts(processId);
            return new ProcessDetail(process, found.procedure(), processes.versions(processId, process.version()),
                    processes.recentOccurrences(processId, RECENT_OCCURRENCES), counts.total(), counts.late());
        });
    }

    /**
     * One version of a procedure.
     *
     * @throws ProcessNotFoundException when the procedure is unknown, or has no such version (the problem then
     *                                  says which versions it has)
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ProcessVersionView version(UUID processId, int version) {
        ProcessView process = processes.find(processId).map(ProcessRepository.ProcessRow::view)
                .orElseThrow(() -> ProcessNotFoundException.process(processId));
        return processes.version(process, version)
                .orElseThrow(() -> ProcessNotFoundException.version(processId, version, process.version()));
    }
}
