-- Initial schema. Money is whole minor units (bigint); times are timestamptz written by the app.

CREATE TABLE merchants (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone             text        NOT NULL UNIQUE CHECK (phone ~ '^254[17][0-9]{8}$'),
    name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    language          text        NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'sw')),
    invoice_seq       bigint      NOT NULL DEFAULT 0 CHECK (invoice_seq >= 0),
    reminders_enabled boolean     NOT NULL DEFAULT true,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);

CREATE TABLE customers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    merchant_id bigint      NOT NULL REFERENCES merchants (id),
    msisdn      text        NOT NULL CHECK (msisdn ~ '^254[17][0-9]{8}$'),
    name        text        NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    UNIQUE (merchant_id, msisdn)
);
CREATE INDEX customers_merchant_name ON customers (merchant_id, lower(name));

CREATE TABLE invoices (
    id                text        PRIMARY KEY,
    merchant_id       bigint      NOT NULL REFERENCES merchants (id),
    customer_id       bigint      NOT NULL REFERENCES customers (id),
    number            text        NOT NULL CHECK (length(number) <= 12),
    msisdn            text        NOT NULL,
    customer_name     text        NULL,
    description       text        NOT NULL,
    amount_cents      bigint      NOT NULL CHECK (amount_cents > 0),
    amount_paid_cents bigint      NOT NULL DEFAULT 0 CHECK (amount_paid_cents >= 0),
    currency          text        NOT NULL DEFAULT 'KES' CHECK (currency = 'KES'),
    status            text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'PARTIALLY_PAID', 'PAID', 'CANCELLED', 'FAILED', 'EXPIRED')),
    pay_token         text        NOT NULL UNIQUE,
    idempotency_key   text        NULL,
    request_hash      text        NULL,
    reminders_enabled boolean     NOT NULL DEFAULT true,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    sent_at           timestamptz NULL,
    paid_at           timestamptz NULL,
    cancelled_at      timestamptz NULL,
    expires_at        timestamptz NOT NULL,
    UNIQUE (merchant_id, number),
    UNIQUE (merchant_id, idempotency_key)
);
CREATE INDEX invoices_merchant_status ON invoices (merchant_id, status, created_at DESC);
CREATE INDEX invoices_msisdn ON invoices (msisdn, created_at DESC);
CREATE INDEX invoices_status_expiry ON invoices (status, expires_at);
CREATE INDEX invoices_created ON invoices (created_at DESC);

CREATE TABLE payments (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id          text        NULL REFERENCES invoices (id),
    method              text        NOT NULL CHECK (method IN ('STK', 'C2B')),
    status              text        NOT NULL CHECK (status IN ('INITIATED', 'SUCCESS', 'FAILED', 'CANCELLED', 'EXPIRED', 'NEEDS_REVIEW')),
    amount_cents        bigint      NOT NULL CHECK (amount_cents > 0),
    msisdn              text        NULL,
    idempotency_key     text        NOT NULL UNIQUE,
    callback_token      text        NULL UNIQUE,
    merchant_request_id text        NULL,
    checkout_request_id text        NULL UNIQUE,
    mpesa_receipt       text        NULL UNIQUE,
    result_code         text        NULL,
    result_desc         text        NULL,
    raw_callback        text        NULL,
    reply_channel       text        NULL,
    push_started_at     timestamptz NULL,
    next_query_at       timestamptz NULL,
    query_attempts      integer     NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    settled_at          timestamptz NULL
);
-- At most one live STK push per invoice: a database fact, not a check in code.
CREATE UNIQUE INDEX payments_one_live_stk ON payments (invoice_id) WHERE method = 'STK' AND status = 'INITIATED';
CREATE INDEX payments_invoice ON payments (invoice_id);
CREATE INDEX payments_status_created ON payments (status, created_at);
CREATE INDEX payments_due_query ON payments (next_query_at) WHERE status = 'INITIATED';

CREATE TABLE conversations (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    participant     text        NOT NULL UNIQUE,
    state           text        NOT NULL DEFAULT 'Idle',
    draft           text        NULL,
    language        text        NULL CHECK (language IN ('en', 'sw')),
    version         bigint      NOT NULL DEFAULT 0,
    last_inbound_at timestamptz NULL,
    expires_at      timestamptz NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE inbox (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider          text        NOT NULL,
    provider_event_id text        NOT NULL,
    kind              text        NOT NULL,
    conversation_key  text        NOT NULL,
    payload           text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    attempts          integer     NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL,
    last_error        text        NULL,
    received_at       timestamptz NOT NULL,
    processed_at      timestamptz NULL,
    UNIQUE (provider, provider_event_id)
);
CREATE INDEX inbox_pending ON inbox (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX inbox_conversation_pending ON inbox (conversation_key, id) WHERE status = 'PENDING';

CREATE TABLE outbox (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    merchant_id         bigint      NULL REFERENCES merchants (id),
    invoice_id          text        NULL REFERENCES invoices (id),
    recipient           text        NOT NULL,
    purpose             text        NOT NULL,
    channel             text        NULL,
    payload             text        NOT NULL,
    dedupe_key          text        NULL UNIQUE,
    status              text        NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED', 'DEAD')),
    attempts            integer     NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz NOT NULL,
    locked_until        timestamptz NULL,
    provider            text        NULL,
    provider_message_id text        NULL,
    -- Providers this message has been given up on, in order; a trailing '?' marks an unknown outcome.
    tried_providers     text        NOT NULL DEFAULT '',
    -- Set right before the provider call: a crash after it means the outcome is unknown.
    send_started_at     timestamptz NULL,
    last_error          text        NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    sent_at             timestamptz NULL
);
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX outbox_invoice ON outbox (invoice_id);
CREATE INDEX outbox_provider_message ON outbox (provider_message_id);

CREATE TABLE message_log (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id           bigint      NULL,
    invoice_id          text        NULL,
    channel             text        NOT NULL,
    direction           text        NOT NULL CHECK (direction IN ('in', 'out')),
    event               text        NOT NULL,
    provider            text        NULL,
    provider_message_id text        NULL,
    status              text        NULL,
    error_code          text        NULL,
    created_at          timestamptz NOT NULL
);
CREATE INDEX message_log_created ON message_log (created_at);
CREATE INDEX message_log_invoice ON message_log (invoice_id);

CREATE TABLE settings (
    key        text        PRIMARY KEY,
    value      text        NOT NULL,
    expires_at timestamptz NULL,
    updated_at timestamptz NOT NULL
);
