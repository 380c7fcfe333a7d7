-- Refused requests (401/403), kept for auditors; relayed_at stays empty until the audit trail relays them.
-- Shipped by web-support and applied by every service that has a database (Flyway location db/security);
-- services must not use version 1.1 for their own migrations.
CREATE TABLE security_event (
    id             UUID         PRIMARY KEY,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    service        VARCHAR(64)  NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    principal      VARCHAR(255),
    method         VARCHAR(16)  NOT NULL,
    path           VARCHAR(2048) NOT NULL,
    remote_address VARCHAR(64),
    correlation_id VARCHAR(64),
    reason         VARCHAR(512),
    relayed_at     TIMESTAMPTZ
);
CREATE INDEX security_event_unrelayed ON security_event (occurred_at) WHERE relayed_at IS NULL;
