-- Read models built from the Kafka topics. They hold nothing that cannot be rebuilt by replaying the topics
-- from the beginning (truncate the tables, reset the consumer group).

-- One row per task, as of the last event applied to it.
CREATE TABLE task_projection (
    task_id       uuid        PRIMARY KEY,
    title         text        NOT NULL,
    type          text        NOT NULL,
    priority      text        NOT NULL,
    status        text        NOT NULL,
    requested_at  timestamptz NOT NULL,
    last_event_at timestamptz NOT NULL,
    -- aggregate sequence number of the last event applied to this row
    version       bigint      NOT NULL
);

-- Serves the newest-first listing, whole or filtered.
CREATE INDEX task_projection_newest_idx ON task_projection (requested_at DESC, task_id DESC);
CREATE INDEX task_projection_status_idx ON task_projection (status, requested_at DESC);
CREATE INDEX task_projection_type_idx ON task_projection (type, requested_at DESC);

-- The last aggregate sequence each projection applied (or deliberately skipped) per aggregate. Updated in the
-- same transaction as the projection's rows, so that a re-delivered event is recognised and never applied twice.
CREATE TABLE last_applied_sequence (
    projection    text   NOT NULL,
    aggregate_id  text   NOT NULL,
    sequence      bigint NOT NULL,
    PRIMARY KEY (projection, aggregate_id)
);

-- The latest value per KPI key (kpi|dimension=group|windowStart), as on the compacted KPI topic.
CREATE TABLE kpi_value (
    kpi_key      text             PRIMARY KEY,
    kpi          text             NOT NULL,
    dimension    text             NOT NULL,
    group_name   text             NOT NULL,
    window_start timestamptz      NOT NULL,
    window_end   timestamptz      NOT NULL,
    value        double precision NOT NULL
);

CREATE INDEX kpi_value_lookup_idx ON kpi_value (kpi, dimension, group_name, window_start DESC);
