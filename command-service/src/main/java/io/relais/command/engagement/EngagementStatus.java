package io.relais.command.engagement;

import java.util.EnumSet;
import java.util.Set;

/** Where a provider contract stands, and what may happen to it next. ENDED is final. */
public enum EngagementStatus {
    ACTIVE(EnumSet.of(EngagementAction.END)),
    ENDED(EnumSet.noneOf(EngagementAction.class));

    private final Set<EngagementAction> allowed;

    EngagementStatus(Set<EngagementAction> allowed) {
        this.allowed = allowed;
    }

    public boolean allows(EngagementAction action) {
        return allowed.contains(action);
    }

    public Set<EngagementAction> allowedActions() {
        return allowed.isEmpty() ? EnumSet.noneOf(EngagementAction.class) : EnumSet.copyOf(allowed);
    }
}
