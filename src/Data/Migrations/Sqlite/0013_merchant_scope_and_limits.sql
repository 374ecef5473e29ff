-- Events name their merchant, so a merchant key reads its own events (see the PostgreSQL migration
-- of the same name); per-merchant limit overrides and today's invoice count.
ALTER TABLE events ADD COLUMN merchant_id bigint NULL REFERENCES merchants (id);
UPDATE events SET merchant_id = COALESCE(
    (SELECT i.merchant_id FROM invoices i WHERE i.id = events.invoice_id),
    (SELECT o.merchant_id FROM outbox o WHERE o.id = events.outbox_id));
CREATE INDEX events_merchant_seq ON events (merchant_id, id);

ALTER TABLE merchants ADD COLUMN daily_invoice_limit integer NULL CHECK (daily_invoice_limit > 0);
ALTER TABLE merchants ADD COLUMN daily_sms_cap integer NULL CHECK (daily_sms_cap >= 0);
ALTER TABLE merchants ADD COLUMN invoice_day text NULL;
ALTER TABLE merchants ADD COLUMN invoice_day_count integer NOT NULL DEFAULT 0 CHECK (invoice_day_count >= 0);
