package io.relais.contract.process;

import java.time.Instant;

/** A new version of a procedure; tasks already open keep the version they were opened under. */
public record ProcessRevised(String processId, int version, Procedure procedure, String changeNote, String revisedBy,
                             Instant revisedAt) {
}
