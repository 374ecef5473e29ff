-- Events name their merchant, so a merchant key reads its own events (GET /events) in SQL: the
-- merchant of the event's invoice, else of the message it is about; provider events name none
-- and stay the operator's. Rows written by the previous release (NULL) are operator-only too.
ALTER TABLE events ADD COLUMN merchant_id bigint NULL REFERENCES merchants (id);
UPDATE events SET merchant_id = COALESCE(
    (SELECT i.merchant_id FROM invoices i WHERE i.id = events.invoice_id),
    (SELECT o.merchant_id FROM outbox o WHERE o.id = events.outbox_id));
CREATE INDEX events_merchant_seq ON events (merchant_id, seq);

-- Per-merchant limits: the operator's overrides (NULL: the deployment's default) and today's
-- invoice count, kept on the merchant row the invoice number allocator locks anyway.
ALTER TABLE merchants ADD COLUMN daily_invoice_limit integer NULL CHECK (daily_invoice_limit > 0);
ALTER TABLE merchants ADD COLUMN daily_sms_cap integer NULL CHECK (daily_sms_cap >= 0);
ALTER TABLE merchants ADD COLUMN invoice_day text NULL;
ALTER TABLE merchants ADD COLUMN invoice_day_count integer NOT NULL DEFAULT 0 CHECK (invoice_day_count >= 0);
