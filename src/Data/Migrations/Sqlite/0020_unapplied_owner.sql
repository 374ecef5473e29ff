-- Paybill money that matched no invoice is held for one merchant: the one whose code starts the account the payer
-- typed, else the deployment's own merchant (Merchant:Phone). Its owner may later apply it to an invoice from the
-- dashboard; who did and when is kept. Applied payments belong to their invoice's merchant and leave held_for NULL.

ALTER TABLE payments ADD COLUMN held_for_merchant_id integer NULL REFERENCES merchants (id);
ALTER TABLE payments ADD COLUMN applied_by text NULL;
ALTER TABLE payments ADD COLUMN applied_at text NULL;

UPDATE payments SET held_for_merchant_id = (SELECT min(id) FROM merchants)
WHERE invoice_id IS NULL AND method = 'C2B' AND status = 'SUCCESS';

CREATE INDEX payments_held_for ON payments (held_for_merchant_id) WHERE held_for_merchant_id IS NOT NULL;
