-- Lookups the task side reads when it decides (ProcessCatalog, EngagementRegistry). They are written by Axon
-- event handlers in SUBSCRIBING processing groups, in the same transaction that appends the events: they are
-- never behind the event store. A subscribing processor does not replay: these tables only know what was
-- stored after this migration ran; do not truncate them in a live database (a rebuild needs a replay).

-- One row per procedure (SOP): the version in force; retired_at set once retired (then no longer in force).
CREATE TABLE process_catalog (
    process_id     VARCHAR(36)  NOT NULL PRIMARY KEY,
    version        INTEGER      NOT NULL CHECK (version >= 1),
    title          VARCHAR(200) NOT NULL,
    task_type      VARCHAR(50)  NOT NULL,
    sla_policy     VARCHAR(200) NOT NULL,
    resources      JSONB        NOT NULL,   -- JSON array of resource names an agent must be granted
    quality_checks JSONB        NOT NULL,   -- JSON array of the checklist items
    retired_at     TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ  NOT NULL
);

-- One row per engagement (provider contract); ended_at set once ended.
CREATE TABLE engagement_registry (
    engagement_id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    provider_organisation VARCHAR(100) NOT NULL,
    agents                JSONB        NOT NULL,   -- JSON array of agent names
    calendar              JSONB        NOT NULL,   -- the CalendarSpec of the contract
    dpa_signed            BOOLEAN      NOT NULL,
    starts_on             DATE         NOT NULL,
    planned_end_on        DATE         NOT NULL,
    started_at            TIMESTAMPTZ  NOT NULL,
    ended_at              TIMESTAMPTZ
);

-- The agents of ACTIVE engagements only (rows deleted when the engagement ends). The primary key is the rule
-- "an agent works under one active engagement at a time": a second start for the same agent fails in the
-- transaction that would store its event, so the event is not stored either, even under concurrency.
CREATE TABLE engagement_active_agent (
    agent         VARCHAR(100) NOT NULL PRIMARY KEY,
    engagement_id VARCHAR(36)  NOT NULL REFERENCES engagement_registry (engagement_id)
);
CREATE INDEX engagement_active_agent_engagement ON engagement_active_agent (engagement_id);
