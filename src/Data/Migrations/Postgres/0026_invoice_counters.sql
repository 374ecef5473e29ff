-- Each merchant's invoice numbering and daily invoice count move off the merchants row into a row of their own.
-- Every insert that references a merchant (outbox, events, ledger entries, invoices, ...) locks the merchant's row
-- FOR KEY SHARE; with an update of that same row per invoice, its old versions carried multixacts that every later
-- read of the row had to resolve member by member. Under load that was most of the database's CPU per settlement.

CREATE TABLE invoice_counters (
    merchant_id bigint  PRIMARY KEY REFERENCES merchants (id),
    seq         bigint  NOT NULL CHECK (seq >= 0),
    day         text    NULL,
    day_count   integer NOT NULL CHECK (day_count >= 0)
);

INSERT INTO invoice_counters (merchant_id, seq, day, day_count)
SELECT id, invoice_seq, invoice_day, invoice_day_count FROM merchants WHERE invoice_seq > 0 OR invoice_day IS NOT NULL;

ALTER TABLE merchants DROP COLUMN invoice_seq, DROP COLUMN invoice_day, DROP COLUMN invoice_day_count;
