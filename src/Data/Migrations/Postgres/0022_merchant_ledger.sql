-- The merchant ledger of the operator's collection route (issue 18, route 2): what the deployment collected for a
-- merchant and owes them. amount_cents is signed so that the balance is SUM(amount_cents) and nothing else: a credit
-- (a settled payment) is positive, the operator's fee on it and a payout to the merchant are negative. Balances are
-- never stored. Each effect happens once by a unique index: one credit and one fee per payment, one payout per
-- (merchant, M-PESA reference).

CREATE TABLE ledger_entries (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    merchant_id      bigint      NOT NULL REFERENCES merchants (id),
    kind             text        NOT NULL CHECK (kind IN ('credit', 'fee', 'payout')),
    amount_cents     bigint      NOT NULL,
    payment_id       bigint      NULL REFERENCES payments (id),
    payout_reference text        NULL,
    note             text        NULL,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    CHECK ((kind = 'credit' AND amount_cents > 0) OR (kind <> 'credit' AND amount_cents < 0)),
    CHECK ((kind = 'payout' AND payout_reference IS NOT NULL AND payment_id IS NULL)
        OR (kind <> 'payout' AND payment_id IS NOT NULL AND payout_reference IS NULL))
);

CREATE UNIQUE INDEX ledger_entries_once_per_payment ON ledger_entries (payment_id, kind) WHERE payment_id IS NOT NULL;
CREATE UNIQUE INDEX ledger_entries_payout_reference ON ledger_entries (merchant_id, payout_reference) WHERE payout_reference IS NOT NULL;
CREATE INDEX ledger_entries_merchant ON ledger_entries (merchant_id, id);
