-- A Paybill/Till confirmation is only what someone posted to our URL: it becomes money (a
-- payments row) once Daraja's Transaction Status API confirms the receipt, amount and shortcode.
-- Until then it waits here; each status query gets its own unguessable result-URL token.

CREATE TABLE c2b_confirmations (
    id             integer PRIMARY KEY,
    trans_id       text        NOT NULL UNIQUE,
    amount_cents   bigint      NOT NULL CHECK (amount_cents > 0),
    short_code     text        NOT NULL,
    account        text        NOT NULL,
    payer          text        NOT NULL,
    raw            text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('RECEIVED', 'VERIFIED', 'REJECTED', 'UNVERIFIED')),
    reason         text        NULL,
    payment_id     bigint      NULL UNIQUE REFERENCES payments (id),
    query_attempts integer     NOT NULL DEFAULT 0,
    next_query_at  text        NULL,
    received_at    text        NOT NULL,
    updated_at     text        NOT NULL
);
CREATE INDEX c2b_confirmations_due ON c2b_confirmations (next_query_at) WHERE status = 'RECEIVED';
CREATE INDEX c2b_confirmations_status ON c2b_confirmations (status, received_at);

CREATE TABLE c2b_status_queries (
    token           text        PRIMARY KEY,
    confirmation_id bigint      NOT NULL REFERENCES c2b_confirmations (id),
    sent_at         text        NOT NULL
);
CREATE INDEX c2b_status_queries_confirmation ON c2b_status_queries (confirmation_id);
