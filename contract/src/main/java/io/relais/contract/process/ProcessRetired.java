package io.relais.contract.process;

import java.time.Instant;

/** No new task may be opened under this procedure; open ones finish under their version. */
public record ProcessRetired(String processId, String reason, String retiredBy, Instant retiredAt) {
}
