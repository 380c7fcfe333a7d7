package io.relais.contract;

import java.time.Duration;
import java.util.List;

/** Every topic Relais writes. Subscribers find the same list in the README and the AsyncAPI document. */
public final class Topics {

    /**
     * Every task event, in order per task (key = task id). Kept forever: projections are rebuilt by
     * replaying it from the beginning.
     */
    public static final TopicSpec TASKS =
            new TopicSpec("relais.tasks.v1", 3, null, TopicSpec.CleanupPolicy.DELETE);

    /** Every procedure (SOP) event, in order per procedure (key = process id). Kept forever. */
    public static final TopicSpec PROCESSES =
            new TopicSpec("relais.processes.v1", 1, null, TopicSpec.CleanupPolicy.DELETE);

    /** Every engagement (provider contract) event, in order per engagement (key = engagement id). Kept forever. */
    public static final TopicSpec ENGAGEMENTS =
            new TopicSpec("relais.engagements.v1", 1, null, TopicSpec.CleanupPolicy.DELETE);

    /**
     * Every access event (grants, revocations, expiries, reviews), in order per grant (key = grant id). One
     * partition, so that auditors read the access history in the order it was recorded. Kept forever.
     */
    public static final TopicSpec ACCESS =
            new TopicSpec("relais.access.v1", 1, null, TopicSpec.CleanupPolicy.DELETE);

    /**
     * Crypto-shredding of personal data ({@link io.relais.contract.personal.PersonalDataErased}), key = subject id.
     * One partition, kept forever: a subscriber that reads the topics from the beginning learns of every erasure.
     */
    public static final TopicSpec PERSONAL_DATA =
            new TopicSpec("relais.personal-data.v1", 1, null, TopicSpec.CleanupPolicy.DELETE);

    /**
     * The signed heads of the event chain ({@link io.relais.contract.audit.ChainHead}), key {@code chain}, as the
     * command side publishes them periodically. Kept forever: a verifier compares the event store with them.
     */
    public static final TopicSpec AUDIT_HEADS =
            new TopicSpec("relais.audit-heads.v1", 1, null, TopicSpec.CleanupPolicy.DELETE);

    /**
     * Requests the services refused (401/403), {@link io.relais.contract.audit.DeniedAttemptRecorded}, key = attempt
     * id, for the audit trail. Kept forever.
     */
    public static final TopicSpec DENIED_ATTEMPTS =
            new TopicSpec("relais.denied-attempts.v1", 1, null, TopicSpec.CleanupPolicy.DELETE);

    /**
     * The latest value of each KPI per window (key = {@link io.relais.contract.kpi.KpiValue#key()}),
     * compacted so that a new reader gets the current figures without the whole history.
     */
    public static final TopicSpec KPIS =
            new TopicSpec("relais.kpis.v1", 3, Duration.ofDays(400), TopicSpec.CleanupPolicy.COMPACT);

    /**
     * SLA alerts (at risk, breached) of each task as kpi-streams raises them (key = task id,
     * {@link io.relais.contract.sla.SlaAlert}); at most one of each kind per task. Kept 400 days.
     */
    public static final TopicSpec SLA_ALERTS =
            new TopicSpec("relais.sla-alerts.v1", 3, Duration.ofDays(400), TopicSpec.CleanupPolicy.DELETE);

    public static final List<TopicSpec> ALL = List.of(TASKS, PROCESSES, ENGAGEMENTS, ACCESS, PERSONAL_DATA, KPIS, SLA_ALERTS, AUDIT_HEADS, DENIED_ATTEMPTS);

    /** The topic of an aggregate type's events ({@code task}, {@code process}, {@code engagement}, {@code access}). */
    public static TopicSpec forAggregateType(String aggregateType) {
        return switch (aggregateType) {
            case "task" -> TASKS;
            case "process" -> PROCESSES;
            case "engagement" -> ENGAGEMENTS;
            case "access" -> ACCESS;
            case "subject" -> PERSONAL_DATA;
            default -> throw new IllegalArgumentException("No topic for aggregate type " + aggregateType);
        };
    }

    /**
     * Where {@code consumer} sets aside the records of {@code source} it can never process (undecodable, of a type it
     * does not know, breaking the schema): same key, value and headers as the original, with the reason and the
     * original position in headers; as many partitions as the source, so a record keeps its partition number. Kept
     * forever: a dead letter is examined, repaired or replayed by hand.
     */
    public static TopicSpec deadLetter(TopicSpec source, String consumer) {
        return new TopicSpec(deadLetterName(source.name(), consumer), source.partitions(), null,
                TopicSpec.CleanupPolicy.DELETE);
    }

    /** The name of {@link #deadLetter}'s topic, from the source topic's name (what a consumed record carries). */
    public static String deadLetterName(String sourceTopic, String consumer) {
        if (consumer == null || !consumer.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("A consumer name is lower-case letters, digits and '-': " + consumer);
        }
        return sourceTopic + ".dlt." + consumer;
    }

    private Topics() {
    }
}
