-- Numbered 7 although written before V6: it reached main after V6 had been applied to existing databases, and
-- Flyway applies migrations in order.
-- KPI values now come over several kinds of window (DAY, TRAILING_24H, TRAILING_7D, NOW); rows written before
-- were daily values.
ALTER TABLE kpi_value ADD COLUMN window_kind text NOT NULL DEFAULT 'DAY';

-- Serves the series (one KPI of one group over time) and the current figures of one kind.
CREATE INDEX kpi_value_series_idx ON kpi_value (kpi, dimension, group_name, window_kind, window_start);
CREATE INDEX kpi_value_kind_idx ON kpi_value (window_kind, window_start);

-- The SLA alerts kpi-streams raised, one row per task and kind (each is raised at most once per task). Rebuilt by
-- replaying relais.sla-alerts.v1: a re-delivered alert rewrites the same row.
CREATE TABLE sla_alert (
    task_id               text        NOT NULL,
    kind                  text        NOT NULL,
    type                  text,
    priority              text,
    process_id            text,
    assigned_organisation text,
    sla_policy            text,
    requested_at          timestamptz,
    due_at                timestamptz,
    crossed_at            timestamptz,
    detected_at           timestamptz NOT NULL,
    elapsed_seconds       bigint      NOT NULL,
    budget_seconds        bigint      NOT NULL,
    PRIMARY KEY (task_id, kind)
);

CREATE INDEX sla_alert_newest_idx ON sla_alert (detected_at DESC, task_id);
