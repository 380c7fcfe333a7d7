-- Issue 5, the auditor's side: the access registry (relais.access.v1), the raw audit trail of every event of the four
-- event topics with the hash chain each carries, the signed chain heads (relais.audit-heads.v1) and the denied
-- attempts (relais.denied-attempts.v1 plus this service's own security_event rows). Like every projection here they
-- hold nothing that replaying the topics cannot rebuild (truncate them and the 'access' rows of
-- last_applied_sequence, reset the consumer groups), except the denied attempts absorbed from security_event.

-- The SOP's required resources of each task (TaskRequested.resources), for the review of unused grants.
ALTER TABLE task_projection ADD COLUMN resources text[] NOT NULL DEFAULT '{}';
CREATE INDEX task_timeline_assigned_agent_idx ON task_timeline ((details ->> 'agent'), occurred_at)
    WHERE event_type = 'relais.task.assigned.v1';

-- One row per grant, as of the last access event applied to it.
CREATE TABLE access_grant (
    grant_id             text        PRIMARY KEY,
    principal            text        NOT NULL,
    organisation         text,
    resource             text        NOT NULL,
    -- READ, WRITE or ADMIN
    level                text        NOT NULL,
    purpose              text,
    -- the provider contract the grant hangs on; null for the company's own staff
    engagement_id        text,
    -- null: no expiry
    expires_at           timestamptz,
    -- ACTIVE, REVOKED or EXPIRED (the last two are final)
    status               text        NOT NULL,
    granted_by           text,
    granted_at           timestamptz NOT NULL,
    -- of the revocation or expiry; null while ACTIVE
    ended_by             text,
    ended_at             timestamptz,
    end_reason           text,
    -- of the last periodic review; null until reviewed
    last_review_decision text,
    last_reviewed_by     text,
    last_reviewed_at     timestamptz,
    last_event_at        timestamptz NOT NULL,
    -- aggregate sequence number of the last event applied to this row
    sequence             bigint      NOT NULL
);
CREATE INDEX access_grant_principal_idx ON access_grant (principal, granted_at);
CREATE INDEX access_grant_resource_idx ON access_grant (resource, granted_at);

-- Every access event applied, kept for good: the history auditors read and what the as-of state is folded from.
CREATE TABLE access_history (
    grant_id       text        NOT NULL,
    sequence       bigint      NOT NULL,
    event_id       text        NOT NULL,
    -- GRANTED, REVOKED, EXPIRED or REVIEWED
    kind           text        NOT NULL,
    principal      text        NOT NULL,
    organisation   text,
    resource       text        NOT NULL,
    level          text,
    -- who did it: grantedBy / revokedBy / reviewedBy, else the event's actor; null for a system expiry
    actor          text,
    actor_roles    text[]      NOT NULL DEFAULT '{}',
    correlation_id text,
    -- when it took effect as the data states it (grantedAt, revokedAt, expiredAt, reviewedAt)
    occurred_at    timestamptz NOT NULL,
    -- the purpose of a grant, the reason of a revocation, the comment of a review
    reason         text,
    -- KEPT or REVOKED, for reviews
    decision       text,
    -- the grant's expiry as granted (GRANTED rows)
    expires_at     timestamptz,
    engagement_id  text,
    -- the event's position in the global chain (ce_chainposition), null if it carried none
    chain_position bigint,
    PRIMARY KEY (grant_id, sequence)
);
CREATE INDEX access_history_principal_idx ON access_history (principal, occurred_at);
CREATE INDEX access_history_resource_idx ON access_history (resource, occurred_at);

-- The raw trail: every record of relais.tasks.v1, relais.processes.v1, relais.engagements.v1 and relais.access.v1,
-- exactly as received, with the link of the event chain each carried: its number (ce_chainindex, 1, 2, ... in the
-- order the relay published) and the event's global position (ce_chainposition). The copy the verification recomputes
-- the EventChain over, link after link.
CREATE TABLE audit_trail_event (
    position           bigint      PRIMARY KEY,
    chain_index        bigint      NOT NULL UNIQUE,
    event_id           text        NOT NULL UNIQUE,
    event_type         text        NOT NULL,
    subject            text        NOT NULL,
    aggregate_type     text,
    sequence           bigint      NOT NULL,
    -- ce_time as the Instant's ISO text (hashed as such, nanoseconds included), and as a timestamp for queries
    event_time         text        NOT NULL,
    occurred_at        timestamptz NOT NULL,
    actor              text,
    actor_roles        text,
    actor_organisation text,
    correlation_id     text,
    -- the Kafka record value, byte for byte
    data               bytea       NOT NULL,
    -- ce_chainhash as carried
    chain_hash         text        NOT NULL,
    topic              text        NOT NULL,
    received_at        timestamptz NOT NULL
);
CREATE INDEX audit_trail_event_subject_idx ON audit_trail_event (subject, position);

-- The signed chain heads as the command side published them, with the outcome of the signature check.
CREATE TABLE audit_chain_head (
    -- the chain index of the head's link (also the number of events chained), its hash, its event's position
    head_index      bigint      NOT NULL,
    hash            text        NOT NULL,
    position        bigint      NOT NULL,
    signed_at       timestamptz NOT NULL,
    -- signed_at as the Instant's ISO text, as signed
    signed_at_text  text        NOT NULL,
    key_id          text,
    signature       text        NOT NULL,
    -- whether the signature verifies with relais.audit.head-public-key
    signature_valid boolean     NOT NULL,
    received_at     timestamptz NOT NULL,
    PRIMARY KEY (head_index, hash, signature)
);
CREATE INDEX audit_chain_head_valid_idx ON audit_chain_head (head_index DESC) WHERE signature_valid;

-- Refused requests (401/403) of every service: from relais.denied-attempts.v1 and from this service's own
-- security_event table. trail_seq is the order the trail serves them in (the order they were recorded here).
CREATE TABLE audit_denied_attempt (
    trail_seq      bigserial   UNIQUE,
    id             text        PRIMARY KEY,
    occurred_at    timestamptz NOT NULL,
    service        text        NOT NULL,
    kind           text        NOT NULL,
    principal      text,
    method         text,
    path           text,
    remote_address text,
    correlation_id text,
    reason         text,
    received_at    timestamptz NOT NULL
);
