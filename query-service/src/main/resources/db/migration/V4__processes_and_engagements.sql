-- The procedure (SOP) catalogue and the provider engagements, from relais.processes.v1 and relais.engagements.v1.
-- Like every projection here they hold nothing that replaying the topics cannot rebuild (truncate the tables below
-- and the 'process' and 'engagement' rows of last_applied_sequence, reset the consumer group).

-- One row per procedure, as of the last event applied to it.
CREATE TABLE process_projection (
    process_id        uuid        PRIMARY KEY,
    -- the procedure version new tasks are opened under (1 when defined, + 1 per revision)
    current_version   integer     NOT NULL,
    -- ACTIVE or RETIRED
    status            text        NOT NULL,
    -- the current version's procedure, the contract's Procedure as JSON; the three columns below repeat
    -- what the listing filters and shows
    procedure         jsonb       NOT NULL,
    title             text        NOT NULL,
    task_type         text        NOT NULL,
    sla_policy        text        NOT NULL,
    defined_by        text,
    defined_at        timestamptz NOT NULL,
    -- of the last revision; null until revised
    revised_by        text,
    revised_at        timestamptz,
    change_note       text,
    retired_by        text,
    retired_at        timestamptz,
    retirement_reason text,
    last_event_at     timestamptz NOT NULL,
    -- aggregate sequence number of the last event applied to this row
    sequence          bigint      NOT NULL
);

CREATE INDEX process_projection_title_idx ON process_projection (title, process_id);
CREATE INDEX process_projection_task_type_idx ON process_projection (task_type, title);
CREATE INDEX process_projection_status_idx ON process_projection (status, title);

-- Every version of every procedure, kept for good: a task shows the version it was opened under (its
-- processVersion) even after later revisions or the procedure's retirement.
CREATE TABLE process_version (
    process_id  uuid        NOT NULL REFERENCES process_projection (process_id),
    version     integer     NOT NULL,
    procedure   jsonb       NOT NULL,
    title       text        NOT NULL,
    task_type   text        NOT NULL,
    sla_policy  text        NOT NULL,
    -- why this version was made; null for version 1
    change_note text,
    -- who defined or revised it, and when
    recorded_by text,
    recorded_at timestamptz NOT NULL,
    -- the event that made this version
    event_id    text        NOT NULL,
    sequence    bigint      NOT NULL,
    PRIMARY KEY (process_id, version)
);

-- The occurrences of recurring procedures (ProcessOccurrenceDue): one row per occurrence, each of which opened the
-- task task_id. The task id is derived from the procedure and the occurrence instant, so a second event for the
-- same occurrence (a deadline fired twice) opens no second task, and adds no second row here.
CREATE TABLE process_occurrence (
    process_id    uuid        NOT NULL REFERENCES process_projection (process_id),
    occurrence_at timestamptz NOT NULL,
    -- the procedure version in force when it fired
    version       integer     NOT NULL,
    task_id       uuid        NOT NULL,
    fired_at      timestamptz NOT NULL,
    -- fired noticeably after it was due (the command side was down): a missed occurrence, caught up
    late          boolean     NOT NULL,
    event_id      text        NOT NULL,
    sequence      bigint      NOT NULL,
    PRIMARY KEY (process_id, occurrence_at)
);

-- One row per engagement (a contract with a provider), as of the last event applied to it.
CREATE TABLE engagement_projection (
    engagement_id         uuid          PRIMARY KEY,
    provider_organisation text          NOT NULL,
    -- the provider's assistants who may be assigned tasks under this engagement
    agents                text[]        NOT NULL,
    -- euros per hour: in-house, and with the provider (commercial data: see EngagementAccessRules)
    internal_hourly_rate  numeric       NOT NULL,
    provider_hourly_rate  numeric       NOT NULL,
    -- the business calendar SLA deadlines are computed with, the contract's CalendarSpec as JSON
    calendar              jsonb         NOT NULL,
    dpa_signed            boolean       NOT NULL,
    starts_on             date          NOT NULL,
    planned_end_on        date,
    started_by            text,
    started_at            timestamptz   NOT NULL,
    -- ACTIVE or ENDED
    status                text          NOT NULL,
    ended_by              text,
    ended_at              timestamptz,
    end_reason            text,
    last_event_at         timestamptz   NOT NULL,
    -- aggregate sequence number of the last event applied to this row
    sequence              bigint        NOT NULL
);

CREATE INDEX engagement_projection_newest_idx ON engagement_projection (started_at DESC, engagement_id DESC);
CREATE INDEX engagement_projection_provider_idx ON engagement_projection (provider_organisation, started_at DESC);

-- Events the process or engagement projection read but could not apply (e.g. a revision of a procedure it never
-- saw defined). Their sequence is recorded in last_applied_sequence like any other; a rebuild from a repaired
-- topic applies them again.
CREATE TABLE projection_event_skipped (
    projection   text        NOT NULL,
    aggregate_id text        NOT NULL,
    sequence     bigint      NOT NULL,
    event_id     text        NOT NULL,
    event_type   text        NOT NULL,
    reason       text        NOT NULL,
    skipped_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (projection, aggregate_id, sequence)
);
