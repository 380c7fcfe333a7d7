package io.relais.command.engagement;

/** What can be done to an engagement once started. */
public enum EngagementAction {
    END
}
