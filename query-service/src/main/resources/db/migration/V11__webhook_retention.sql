-- Retention of delivered webhooks (README, "Webhooks"): a DELIVERED delivery and its attempts are purged once
-- relais.webhooks.retention has passed since delivered_at; PENDING and DEAD ones are never purged.

-- The outbox's dedup key, (subscription, event id), outliving the delivery: the listeners record a delivery only if its
-- key is new here, so an event read again after its delivery was purged is not sent again. Read again it can be: the
-- task and access topics keep every record forever, and the -webhooks group starts over from the first record if its
-- committed offsets are lost (a group unused longer than the broker's offsets.retention.minutes, 7 days by default, a
-- new RELAIS_QUERY_GROUP_ID, a manual reset). About 100 bytes a row with its index, kept as long as the subscription.
CREATE TABLE webhook_delivery_key (
    subscription_id uuid        NOT NULL REFERENCES webhook_subscription ON DELETE CASCADE,
    event_id        text        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    PRIMARY KEY (subscription_id, event_id)
);

INSERT INTO webhook_delivery_key (subscription_id, event_id, recorded_at)
SELECT subscription_id, event_id, created_at FROM webhook_delivery;

-- The purge's search: the oldest delivered first, without reading the pending and dead ones.
CREATE INDEX webhook_delivery_delivered_idx ON webhook_delivery (delivered_at) WHERE status = 'DELIVERED';
