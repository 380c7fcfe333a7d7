package io.relais.contract.task;

import io.relais.contract.personal.Personal;
import java.time.Instant;

/** Raised on the urgent channel (seed 000: "un canal unique pour les demandes urgentes"). */
public record TaskEscalated(String taskId, @Personal String reason, String escalatedBy, Instant escalatedAt) {
}
