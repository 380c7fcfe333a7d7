-- Where each subscription starts reading (README, "Webhooks", no backfill): the end offset of every partition of the
-- topics the webhook listeners read (relais.tasks.v1, relais.access.v1, relais.sla-alerts.v1), taken when the
-- subscription was created, in the same transaction as its row. A record below its partition's start offset was on the
-- topic before the subscription existed and is never recorded for it, even when the -webhooks group reads it again
-- (its committed offsets lost after offsets.retention.minutes, a new RELAIS_QUERY_GROUP_ID, a manual reset: it then
-- starts over from the first record). A partition without a row (added to a topic later) is delivered from its start.
-- Subscriptions created before this migration have no rows: they keep the behaviour they had, every record read is
-- delivered unless its key (webhook_delivery_key) was already recorded for them. One row per partition of the three
-- topics per subscription: a few dozen rows each.
CREATE TABLE webhook_subscription_start (
    subscription_id uuid   NOT NULL REFERENCES webhook_subscription ON DELETE CASCADE,
    topic           text   NOT NULL,
    partition       int    NOT NULL CHECK (partition >= 0),
    start_offset    bigint NOT NULL CHECK (start_offset >= 0),
    PRIMARY KEY (subscription_id, topic, partition)
);
