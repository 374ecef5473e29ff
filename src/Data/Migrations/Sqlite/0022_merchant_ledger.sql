-- The merchant ledger of the operator's collection route; see the PostgreSQL file for the why. amount_cents is
-- signed: credits positive, fees and payouts negative; the balance is SUM(amount_cents).

CREATE TABLE ledger_entries (
    id               integer PRIMARY KEY,
    merchant_id      integer NOT NULL REFERENCES merchants (id),
    kind             text    NOT NULL CHECK (kind IN ('credit', 'fee', 'payout')),
    amount_cents     integer NOT NULL,
    payment_id       integer NULL REFERENCES payments (id),
    payout_reference text    NULL,
    note             text    NULL,
    created_by       text    NOT NULL,
    created_at       text    NOT NULL,
    CHECK ((kind = 'credit' AND amount_cents > 0) OR (kind <> 'credit' AND amount_cents < 0)),
    CHECK ((kind = 'payout' AND payout_reference IS NOT NULL AND payment_id IS NULL)
        OR (kind <> 'payout' AND payment_id IS NOT NULL AND payout_reference IS NULL))
);

CREATE UNIQUE INDEX ledger_entries_once_per_payment ON ledger_entries (payment_id, kind) WHERE payment_id IS NOT NULL;
CREATE UNIQUE INDEX ledger_entries_payout_reference ON ledger_entries (merchant_id, payout_reference) WHERE payout_reference IS NOT NULL;
CREATE INDEX ledger_entries_merchant ON ledger_entries (merchant_id, id);
