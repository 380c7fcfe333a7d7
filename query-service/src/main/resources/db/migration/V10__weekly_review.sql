-- Issue 11, the weekly review: one report per ISO week (UTC, Monday 00:00 to Monday 00:00), its figures, its one-page
-- HTML and the PDF made from it. Not a projection: generated from the projections at a moment and kept as issued
-- (a rebuild leaves it alone); generating a week again replaces it and counts its revision up.
CREATE TABLE weekly_review (
    week_start      date        PRIMARY KEY,
    revision        integer     NOT NULL,
    generated_at    timestamptz NOT NULL,
    -- the admin who asked for it, or 'scheduler'
    generated_by    text        NOT NULL,
    -- the figures as GET /api/reviews/weekly/{weekStart} serves them
    figures         jsonb       NOT NULL,
    html            text        NOT NULL,
    pdf             bytea       NOT NULL,
    -- hex SHA-256 of pdf
    pdf_sha256      text        NOT NULL,
    -- when the scheduled run posted its summary to Slack; null if it did not (yet)
    slack_posted_at timestamptz,
    CONSTRAINT weekly_review_week_starts_on_monday CHECK (extract(isodow FROM week_start) = 1)
);

-- db-scheduler's table (as command-service's V4): the weekly review's recurring run, so that a run missed while the
-- service was down runs when it is back, once.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
