-- The whole task lifecycle of the event catalogue v1 (assignment, work, hold, completion, approval, rework,
-- escalation, priority, cancellation, rating, incidents), the fields of TaskRequested that V1 did not keep,
-- and one timeline row per applied event.
--
-- Rows projected before this migration get the defaults below and no timeline: rebuild the projection (truncate
-- task_projection, task_timeline, task_event_skipped and the 'task' rows of last_applied_sequence, reset the
-- consumer group) to fill them from the topic.

-- From TaskRequested.
ALTER TABLE task_projection ADD COLUMN description        text;
ALTER TABLE task_projection ADD COLUMN process_id         text;
ALTER TABLE task_projection ADD COLUMN process_version    integer NOT NULL DEFAULT 0;
ALTER TABLE task_projection ADD COLUMN confidentiality    text;
ALTER TABLE task_projection ADD COLUMN sla_policy         text;
-- The business calendar due_at was computed with: the contract's CalendarSpec as JSON text, kept as received.
ALTER TABLE task_projection ADD COLUMN calendar           text;
ALTER TABLE task_projection ADD COLUMN due_at             timestamptz;

-- From the later events. assigned_organisation (V2) is set by TaskAssigned together with the agent.
ALTER TABLE task_projection ADD COLUMN assigned_agent     text;
ALTER TABLE task_projection ADD COLUMN engagement_id      text;
ALTER TABLE task_projection ADD COLUMN assigned_at        timestamptz;
ALTER TABLE task_projection ADD COLUMN started_at         timestamptz;
-- The status a task was in when it was put on hold, restored by TaskResumed; null unless ON_HOLD.
ALTER TABLE task_projection ADD COLUMN status_before_hold text;
-- Of the last TaskCompleted.
ALTER TABLE task_projection ADD COLUMN completed_at       timestamptz;
-- Sum over every TaskCompleted: each reports the time of its own round, so a rework round adds to the first.
ALTER TABLE task_projection ADD COLUMN time_spent_minutes integer NOT NULL DEFAULT 0;
-- The quality checklist of the last TaskCompleted, as a JSON array of {item, passed, note}.
ALTER TABLE task_projection ADD COLUMN checklist          jsonb;
ALTER TABLE task_projection ADD COLUMN approved_at        timestamptz;
ALTER TABLE task_projection ADD COLUMN rework_count       integer NOT NULL DEFAULT 0;
ALTER TABLE task_projection ADD COLUMN escalated          boolean NOT NULL DEFAULT false;
ALTER TABLE task_projection ADD COLUMN escalation_count   integer NOT NULL DEFAULT 0;
ALTER TABLE task_projection ADD COLUMN cancelled_at       timestamptz;
-- 0 to 10, of the last TaskRated.
ALTER TABLE task_projection ADD COLUMN rating             smallint;
ALTER TABLE task_projection ADD COLUMN incident_count     integer NOT NULL DEFAULT 0;

-- The listing's filters (status and type have their indexes since V1).
CREATE INDEX task_projection_priority_idx ON task_projection (priority, requested_at DESC);
CREATE INDEX task_projection_assigned_agent_idx ON task_projection (assigned_agent, requested_at DESC);

-- What happened to a task, in order: one row per event applied to it, written in the same transaction as its
-- effect on task_projection. The primary key backs the sequence check of last_applied_sequence: a re-delivered
-- event that slipped past it would fail loudly instead of adding a second row.
CREATE TABLE task_timeline (
    task_id            uuid        NOT NULL REFERENCES task_projection (task_id),
    sequence           bigint      NOT NULL,
    event_id           text        NOT NULL,
    -- the CloudEvents type, e.g. relais.task.assigned.v1
    event_type         text        NOT NULL,
    -- who caused it (the event's actor extensions); null for events published before actors were recorded
    actor              text,
    actor_roles        text[]      NOT NULL DEFAULT '{}',
    actor_organisation text,
    correlation_id     text,
    occurred_at        timestamptz NOT NULL,
    -- the event's data as in the contract, without the task id
    details            jsonb       NOT NULL,
    PRIMARY KEY (task_id, sequence)
);

-- Events the task projection read but could not apply: so far, an event of a task whose TaskRequested it never
-- saw (see TaskProjection). Their sequence is recorded in last_applied_sequence like any other.
CREATE TABLE task_event_skipped (
    aggregate_id text        NOT NULL,
    sequence     bigint      NOT NULL,
    event_id     text        NOT NULL,
    event_type   text        NOT NULL,
    reason       text        NOT NULL,
    skipped_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (aggregate_id, sequence)
);
