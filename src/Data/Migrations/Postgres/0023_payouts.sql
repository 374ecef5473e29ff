-- Payouts to collection-route merchants over Daraja B2C (issue 18, route 2). A payout is recorded before any call
-- (pending), claimed right before the POST (sending), acknowledged by Daraja (sent), then paid or failed by its
-- result. originator_conversation_id is ours, under 20 characters and unique: Daraja refuses a repeated one, so a
-- payout sent again after a crash is never paid twice. While pending, sending or sent its amount is reserved: the
-- balance available for another payout is the ledger balance minus these. The ledger's payout entry is written in
-- the transaction that marks it paid (payout_reference = the receipt). A scheduled payout has its Nairobi day:
-- once per merchant per day. A failed payout is retried only by a person, as a new row naming the one it retries.

CREATE TABLE payouts (
    id                         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    merchant_id                bigint      NOT NULL REFERENCES merchants (id),
    amount_cents               bigint      NOT NULL CHECK (amount_cents > 0),
    phone                      text        NOT NULL,
    status                     text        NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'paid', 'failed')),
    originator_conversation_id text        NOT NULL,
    payout_day                 text        NULL,
    retry_of                   bigint      NULL REFERENCES payouts (id),
    conversation_id            text        NULL,
    receipt                    text        NULL,
    result_code                text        NULL,
    result_description         text        NULL,
    send_attempts              integer     NOT NULL DEFAULT 0,
    status_queries             integer     NOT NULL DEFAULT 0,
    next_check_at              timestamptz NULL,
    created_by                 text        NOT NULL,
    created_at                 timestamptz NOT NULL,
    sent_at                    timestamptz NULL,
    finished_at                timestamptz NULL,
    updated_at                 timestamptz NOT NULL,
    CHECK (status <> 'paid' OR receipt IS NOT NULL)
);

CREATE UNIQUE INDEX payouts_originator_conversation ON payouts (originator_conversation_id);
CREATE UNIQUE INDEX payouts_once_per_day ON payouts (merchant_id, payout_day) WHERE payout_day IS NOT NULL;
CREATE UNIQUE INDEX payouts_retried_once ON payouts (retry_of) WHERE retry_of IS NOT NULL;
CREATE INDEX payouts_merchant ON payouts (merchant_id, id);
CREATE INDEX payouts_due ON payouts (next_check_at) WHERE status IN ('pending', 'sending', 'sent');

-- The URL tokens Daraja was given for a payout (one per send, one per Transaction Status query), as SHA-256 hashes:
-- a copy of the database opens no door. A payout sent again after a crash keeps the earlier tokens, since Daraja
-- answers the first request it accepted.
CREATE TABLE payout_tokens (
    token_hash text        PRIMARY KEY,
    payout_id  bigint      NOT NULL REFERENCES payouts (id),
    purpose    text        NOT NULL CHECK (purpose IN ('result', 'status')),
    created_at timestamptz NOT NULL
);
