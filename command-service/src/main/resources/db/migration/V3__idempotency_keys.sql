-- Answers to creating commands sent with an Idempotency-Key: a retry with the same key (same caller, same
-- request) gets the first answer back and writes no second event. The row is written in the transaction that
-- appends the events, so a key is recorded if and only if its command took effect.
CREATE TABLE idempotency_key (
    principal      VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    request_hash   VARCHAR(64)  NOT NULL,
    status_code    INTEGER      NOT NULL,
    location       VARCHAR(2048),
    response_body  TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (principal, idempotency_key)
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
