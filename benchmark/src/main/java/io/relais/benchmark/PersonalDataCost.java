package io.relais.benchmark;

import io.relais.contract.personal.PersonalDataEnvelope;
import java.time.Duration;

/**
 * The CPU cost of crypto-shredding's envelope (issue 10), in this JVM: sealing and opening a task title of typical
 * length with AES-256-GCM, as command-service does once per personal field written and query-service once per field
 * read. The database round-trips around it (one key per task) are part of the command path and freshness figures.
 */
final class PersonalDataCost {

    /** Per-operation figures, and how much longer the stored text gets. */
    record Result(double sealsPerSecond, double opensPerSecond, int plainLength, int sealedLength) {
    }

    private static final String TITLE = "Relancer les factures impayées d'octobre — clients Dupont et Martin";

    private PersonalDataCost() {
    }

    static Result measure(Duration each) {
        byte[] key = PersonalDataEnvelope.newKey();
        String keyId = "task-bench";
        String sealed = PersonalDataEnvelope.seal(key, keyId, "title", TITLE);
        run(Duration.ofSeconds(1), () -> PersonalDataEnvelope.seal(key, keyId, "title", TITLE)); // JIT warm-up
        run(Duration.ofSeconds(1), () -> PersonalDataEnvelope.open(key, sealed, "title"));
        double seals = run(each, () -> PersonalDataEnvelope.seal(key, keyId, "title", TITLE));
        double opens = run(each, () -> PersonalDataEnvelope.open(key, sealed, "title"));
        return new Result(seals, opens, TITLE.length(), sealed.length());
    }

    /** Operations per second of {@code operation} over {@code duration}. */
    private static double run(Duration duration, Runnable operation) {
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < end) {
            operation.run();
            count++;
        }
        return count / ((System.nanoTime() - started) / 1e9);
    }
}
