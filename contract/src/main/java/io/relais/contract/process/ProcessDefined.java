package io.relais.contract.process;

import java.time.Instant;

/** A new procedure (SOP), at version 1. */
public record ProcessDefined(String processId, int version, Procedure procedure, String definedBy, Instant definedAt) {
}
