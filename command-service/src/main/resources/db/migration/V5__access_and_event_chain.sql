-- Access governance (issue 5). Like V2, these lookups are written by SUBSCRIBING Axon handlers in the transaction
-- that appends the events, so they are never behind the event store; rebuilding them needs a replay.

-- One row per grant: what assignment checks and engagement ends read.
CREATE TABLE access_grant_lookup (
    grant_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    principal     VARCHAR(100) NOT NULL,
    organisation  VARCHAR(100) NOT NULL,
    resource      VARCHAR(200) NOT NULL,
    engagement_id VARCHAR(36),
    expires_at    TIMESTAMPTZ,
    ended_at      TIMESTAMPTZ          -- revoked or expired
);
CREATE INDEX access_grant_lookup_principal ON access_grant_lookup (principal) WHERE ended_at IS NULL;
CREATE INDEX access_grant_lookup_engagement ON access_grant_lookup (engagement_id) WHERE ended_at IS NULL;

-- Open tasks that need resources: which agent works on them, so that a grant's end flags the tasks it leaves
-- without access. Rows are deleted when the task is approved or cancelled.
CREATE TABLE open_task_requirement (
    task_id   VARCHAR(36)  NOT NULL PRIMARY KEY,
    resources JSONB        NOT NULL,   -- JSON array of resource names the task's SOP version requires
    agent     VARCHAR(100)
);
CREATE INDEX open_task_requirement_agent ON open_task_requirement (agent);

-- The tamper-evident event chain (contract io.relais.contract.audit.EventChain): one link per stored event, numbered
-- 1, 2, 3 ... in the order the Kafka relay publishes them (the commit order, which may differ from the global index
-- when transactions commit out of order), written in the transaction that moves the relay's token, so the chain
-- never skips an event and never links one twice. "position" is domainevententry.globalindex.
CREATE TABLE event_chain (
    chain_index BIGINT       NOT NULL PRIMARY KEY CHECK (chain_index >= 1),
    position    BIGINT       NOT NULL UNIQUE,
    event_id    VARCHAR(255) NOT NULL UNIQUE,
    hash        CHAR(64)     NOT NULL,
    linked_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Events stored before the chain existed (this migration) are not covered by it until the relay publishes them again
-- (a replay links them at the chain's end); verify counts them apart.
CREATE TABLE event_chain_origin (
    legacy_up_to BIGINT NOT NULL
);
INSERT INTO event_chain_origin (legacy_up_to) SELECT coalesce(max(globalindex), 0) FROM domainevententry;
