-- Payouts to collection-route merchants over Daraja B2C; see the PostgreSQL file for the why.

CREATE TABLE payouts (
    id                         integer PRIMARY KEY,
    merchant_id                integer NOT NULL REFERENCES merchants (id),
    amount_cents               integer NOT NULL CHECK (amount_cents > 0),
    phone                      text    NOT NULL,
    status                     text    NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'paid', 'failed')),
    originator_conversation_id text    NOT NULL,
    payout_day                 text    NULL,
    retry_of                   integer NULL REFERENCES payouts (id),
    conversation_id            text    NULL,
    receipt                    text    NULL,
    result_code                text    NULL,
    result_description         text    NULL,
    send_attempts              integer NOT NULL DEFAULT 0,
    status_queries             integer NOT NULL DEFAULT 0,
    next_check_at              text    NULL,
    created_by                 text    NOT NULL,
    created_at                 text    NOT NULL,
    sent_at                    text    NULL,
    finished_at                text    NULL,
    updated_at                 text    NOT NULL,
    CHECK (status <> 'paid' OR receipt IS NOT NULL)
);

CREATE UNIQUE INDEX payouts_originator_conversation ON payouts (originator_conversation_id);
CREATE UNIQUE INDEX payouts_once_per_day ON payouts (merchant_id, payout_day) WHERE payout_day IS NOT NULL;
CREATE UNIQUE INDEX payouts_retried_once ON payouts (retry_of) WHERE retry_of IS NOT NULL;
CREATE INDEX payouts_merchant ON payouts (merchant_id, id);
CREATE INDEX payouts_due ON payouts (next_check_at) WHERE status IN ('pending', 'sending', 'sent');

CREATE TABLE payout_tokens (
    token_hash text    PRIMARY KEY,
    payout_id  integer NOT NULL REFERENCES payouts (id),
    purpose    text    NOT NULL CHECK (purpose IN ('result', 'status')),
    created_at text    NOT NULL
);
