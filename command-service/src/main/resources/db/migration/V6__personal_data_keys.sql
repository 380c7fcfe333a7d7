-- Crypto-shredding (README, "Personal data and erasure"). One AES-256 key per data subject (a task: task-<taskId>),
-- wrapped with the master key (RELAIS_PERSONAL_DATA_MASTER_KEY, AES-GCM, AAD = subject id). A key is created in the
-- transaction that stores the first event needing it; erasing the subject sets wrapped_key to NULL in the
-- transaction that stores PersonalDataErased. The row stays as a tombstone: no new key is ever made for an erased
-- subject. closed_at (the task's approval or cancellation) is what the retention purge looks at.
CREATE TABLE personal_data_key (
    subject_id   VARCHAR(80)  NOT NULL PRIMARY KEY,
    wrapped_key  BYTEA,
    created_at   TIMESTAMPTZ  NOT NULL,
    closed_at    TIMESTAMPTZ,
    erased_at    TIMESTAMPTZ,
    CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);
CREATE INDEX personal_data_key_closed ON personal_data_key (closed_at) WHERE wrapped_key IS NOT NULL;

-- The retention purge's last run, so that a restart neither skips nor doubles a run (one row per job).
CREATE TABLE scheduled_job_run (
    job_name     VARCHAR(100) NOT NULL PRIMARY KEY,
    last_run_at  TIMESTAMPTZ  NOT NULL,
    last_outcome TEXT
);

-- query-service reads the keys (never writes them) to open envelopes: grant it SELECT when it connects with its own
-- role, e.g. GRANT SELECT ON personal_data_key TO relais_query;
