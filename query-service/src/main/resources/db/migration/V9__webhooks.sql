-- Issue 11, outbound webhooks: what Zapier's and Make's webhook triggers consume. Not projections: this service's own
-- record of what it promised to send and what it sent. A rebuild leaves these tables alone (re-sending every event of
-- history to every receiver is not a rebuild's business), and the webhook listeners have their own consumer group, so
-- a rebuild does not reset their offsets either.

CREATE TABLE webhook_subscription (
    subscription_id uuid        PRIMARY KEY,
    name            text        NOT NULL,
    -- http or https, absolute
    url             text        NOT NULL,
    -- CloudEvents types or families ending in '.*' (README, "Webhooks"), as given
    event_types     text[]      NOT NULL,
    -- the signing secret, whsec_<base64 of 32 random bytes>: kept in clear because every delivery is signed with it;
    -- never returned after the answer that created (or rotated) it
    secret          text        NOT NULL,
    -- a paused subscription gets no new deliveries, and its pending ones wait until it is resumed
    active          boolean     NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- One row per (subscription, event): the transactional outbox the Kafka listener fills before its offset is committed;
-- a record read twice finds its row there already (ON CONFLICT DO NOTHING on the unique key).
CREATE TABLE webhook_delivery (
    delivery_id                uuid        PRIMARY KEY,
    subscription_id            uuid        NOT NULL REFERENCES webhook_subscription ON DELETE CASCADE,
    -- the CloudEvents id, stable across re-reads and retries: receivers dedupe on it (header webhook-id)
    event_id                   text        NOT NULL,
    event_type                 text        NOT NULL,
    -- the exact request body: the event as a structured-mode CloudEvent (application/cloudevents+json)
    body                       text        NOT NULL,
    -- where it was read from (for the record; the event id, not the offset, is the identity)
    source_topic               text        NOT NULL,
    source_partition           integer     NOT NULL,
    source_offset              bigint      NOT NULL,
    -- PENDING (due at next_attempt_at), DELIVERED (a 2xx answer) or DEAD (gave up after max attempts: dead letter)
    status                     text        NOT NULL,
    attempts                   integer     NOT NULL DEFAULT 0,
    -- attempts made before the last redelivery of a dead letter: the attempt budget starts again from there
    attempts_before_redelivery integer     NOT NULL DEFAULT 0,
    created_at                 timestamptz NOT NULL,
    -- when it is due; while a dispatcher sends it, the end of its lease (another dispatcher takes it over after that)
    next_attempt_at            timestamptz,
    last_attempt_at            timestamptz,
    last_response_code         integer,
    last_error                 text,
    delivered_at               timestamptz,
    dead_at                    timestamptz,
    CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, event_id)
);

CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_dead_idx ON webhook_delivery (dead_at DESC) WHERE status = 'DEAD';
CREATE INDEX webhook_delivery_subscription_idx ON webhook_delivery (subscription_id, created_at DESC);

-- Every attempt, successful or not: when, how long, what the receiver answered (or why there was no answer).
CREATE TABLE webhook_attempt (
    delivery_id   uuid        NOT NULL REFERENCES webhook_delivery ON DELETE CASCADE,
    attempt       integer     NOT NULL,
    attempted_at  timestamptz NOT NULL,
    latency_ms    bigint      NOT NULL,
    response_code integer,
    error         text,
    PRIMARY KEY (delivery_id, attempt)
);
