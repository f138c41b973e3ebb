-- Idempotency records (Stripe's semantics): the first request with a key does the work and stores its answer
-- in the same transaction as the work; a repeat with the same key and request gets the stored answer, with a
-- different request 422. Kept at least 24 hours (a job deletes older ones).
CREATE TABLE idempotency_record (
    scope         VARCHAR(64)              NOT NULL,
    idem_key      VARCHAR(255)             NOT NULL,
    fingerprint   CHAR(64)                 NOT NULL,
    response_body VARCHAR(100000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_record_by_created ON idempotency_record (created_at);
