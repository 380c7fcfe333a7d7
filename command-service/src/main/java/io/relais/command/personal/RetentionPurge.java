package io.relais.command.personal;

import io.relais.contract.personal.ErasureCause;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention purge: erases, through the same {@link PersonalDataErasure} as an administrator, the personal data of
 * tasks closed (approved or cancelled) more than {@code RELAIS_RETENTION_MONTHS} ago. Its last run is recorded in
 * {@code scheduled_job_run}; a run is due when the last one is older than the interval, so a restart neither skips
 * nor repeats one, and the row lock keeps two instances from running it together. Each erasure is its own
 * {@code PersonalDataErased} (cause {@code RETENTION}, by {@code retention}), in the audit trail like any event.
 */
@Component
class RetentionPurge {

    static final String JOB = "personal-data-retention";
    static final String ACTOR = "retention";
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final PersonalDataErasure erasure;
    private final KeyStore keys;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PersonalDataSettings settings;
    private final Clock clock;

    RetentionPurge(PersonalDataErasure erasure, KeyStore keys, JdbcClient jdbc, TransactionTemplate transactions,
                   PersonalDataSettings settings, Clock clock) {
        this.erasure = erasure;
        this.keys = keys;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${relais.personal-data.retention-check-delay}",
            fixedDelayString = "${relais.personal-data.retention-check-delay}")
    void runWhenDue() {
        if (settings.retentionMonths() > 0) {
            runIfDue();
        }
    }

    /**
     * Runs the purge if the last run is older than the interval: the run is claimed (its time recorded) under the row
     * lock, then each subject is erased in its own transaction, and the outcome recorded. Subjects a crash left are
     * erased by the next run. Answers the number of subjects erased, or -1 when no run was due.
     */
    int runIfDue() {
        Instant now = clock.instant();
        Boolean claimed = transactions.execute(status -> {
            jdbc.sql("""
                            INSERT INTO scheduled_job_run (job_name, last_run_at) VALUES (:job, :never)
                            ON CONFLICT (job_name) DO NOTHING""")
                    .param("job", JOB).param("never", Timestamp.from(Instant.EPOCH)).update();
            Instant last = jdbc.sql("SELECT last_run_at FROM scheduled_job_run WHERE job_name = :job FOR UPDATE")
                    .param("job", JOB).query(Timestamp.class).single().toInstant();
            if (last.plus(settings.retentionInterval()).isAfter(now)) {
                return false;
            }
            jdbc.sql("UPDATE scheduled_job_run SET last_run_at = :now, last_outcome = 'running' WHERE job_name = :job")
                    .param("now", Timestamp.from(now)).param("job", JOB).update();
            return true;
        });
        if (!Boolean.TRUE.equals(claimed)) {
            return -1;
        }
        int count = purge(now);
        jdbc.sql("UPDATE scheduled_job_run SET last_outcome = :outcome WHERE job_name = :job")
                .param("outcome", count + " subject(s) erased").param("job", JOB).update();
        return count;
    }

    /** Erases every subject whose task closed before now minus the retention period; each in its own command. */
    int purge(Instant now) {
        Instant cutoff = now.atOffset(ZoneOffset.UTC).minusMonths(settings.retentionMonths()).toInstant();
        int count = 0;
        List<String> due;
        do {
            due = keys.closedBefore(cutoff, BATCH);
            for (String subject : due) {
                if (keys.state(subject) != KeyStore.State.ACTIVE) {
                    continue;
                }
                erasure.erase(subject, "Retention: task closed more than " + settings.retentionMonths() + " months ago",
                        ErasureCause.RETENTION, ACTOR, now);
                count++;
            }
        } while (due.size() == BATCH);
        if (count > 0) {
            log.info("Retention purge erased the personal data of {} closed task(s)", count);
        }
        return count;
    }
}
