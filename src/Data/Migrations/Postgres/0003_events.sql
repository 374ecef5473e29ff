-- Live events, the per-merchant daily SMS count and the evening summary opt-in.
-- Events carry ids and statuses only: never names, phone numbers, amounts or texts.

CREATE TABLE events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type        text        NOT NULL,
    invoice_id  text        NULL,
    payment_id  bigint      NULL,
    outbox_id   bigint      NULL,
    provider    text        NULL,
    status      text        NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX events_occurred ON events (occurred_at);

CREATE TABLE sms_usage (
    merchant_id bigint  NOT NULL REFERENCES merchants (id),
    day         text    NOT NULL,
    sent        integer NOT NULL CHECK (sent >= 0),
    PRIMARY KEY (merchant_id, day)
);

ALTER TABLE merchants ADD COLUMN summary_enabled boolean NOT NULL DEFAULT false;
