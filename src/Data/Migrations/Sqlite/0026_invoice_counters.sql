-- Each merchant's invoice numbering and daily invoice count move off the merchants row into a row of their own
-- (on PostgreSQL the merchant's row is locked by every insert that references it; see the PostgreSQL migration).

CREATE TABLE invoice_counters (
    merchant_id integer PRIMARY KEY REFERENCES merchants (id),
    seq         integer NOT NULL CHECK (seq >= 0),
    day         text    NULL,
    day_count   integer NOT NULL CHECK (day_count >= 0)
);

INSERT INTO invoice_counters (merchant_id, seq, day, day_count)
SELECT id, invoice_seq, invoice_day, invoice_day_count FROM merchants WHERE invoice_seq > 0 OR invoice_day IS NOT NULL;

ALTER TABLE merchants DROP COLUMN invoice_seq;
ALTER TABLE merchants DROP COLUMN invoice_day;
ALTER TABLE merchants DROP COLUMN invoice_day_count;
