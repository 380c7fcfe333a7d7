-- Issue 7, reversibility: the jobs of the full export (GET /api/exports). The archives themselves are files under
-- relais.export.directory; this table keeps what was asked, by whom, how far it got and what it produced. Unlike the
-- projections it is not rebuilt from the topics: it is this service's own record of the exports it made.
CREATE TABLE export_job (
    export_id        uuid        PRIMARY KEY,
    -- RUNNING, DONE or FAILED (a job still RUNNING when the service starts was interrupted: it is marked FAILED)
    status           text        NOT NULL,
    requested_by     text        NOT NULL,
    requester_roles  text,
    requester_org    text,
    created_at       timestamptz NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    -- progress: sections written of sections_total, rows written of rows_total (counted in the export's snapshot)
    sections_total   integer     NOT NULL,
    sections_done    integer     NOT NULL DEFAULT 0,
    current_section  text,
    rows_total       bigint,
    rows_written     bigint      NOT NULL DEFAULT 0,
    updated_at       timestamptz NOT NULL,
    -- the finished archive: its file name under relais.export.directory, size in bytes and SHA-256 (hex)
    archive_file     text,
    archive_size     bigint,
    archive_sha256   text,
    -- why a FAILED job failed
    error            text
);

CREATE INDEX export_job_newest_idx ON export_job (created_at DESC, export_id DESC);
