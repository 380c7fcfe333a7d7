package io.relais.contract.task;

import java.time.Instant;

/** Raised on the urgent channel (seed 000: "un canal unique pour les demandes urgentes"). */
public record TaskEscalated(String taskId, String reason, String escalatedBy, Instant escalatedAt) {
}
