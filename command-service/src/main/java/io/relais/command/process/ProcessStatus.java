package io.relais.command.process;

import java.util.EnumSet;
import java.util.Set;

/** Where a procedure stands, and what may happen to it next. RETIRED is final. */
public enum ProcessStatus {
    /** In force: new tasks are opened under its latest version. */
    ACTIVE(EnumSet.of(ProcessAction.REVISE, ProcessAction.RETIRE)),
    RETIRED(EnumSet.noneOf(ProcessAction.class));

    private final Set<ProcessAction> allowed;

    ProcessStatus(Set<ProcessAction> allowed) {
        this.allowed = allowed;
    }

    public boolean allows(ProcessAction action) {
        return allowed.contains(action);
    }

    public Set<ProcessAction> allowedActions() {
        return allowed.isEmpty() ? EnumSet.noneOf(ProcessAction.class) : EnumSet.copyOf(allowed);
    }
}
