-- Many merchants on one deployment: each has a short unique code and a status the operator
-- controls, and may have API keys of its own (stored hashed, shown by prefix).

ALTER TABLE merchants ADD COLUMN code text NULL;
ALTER TABLE merchants ADD COLUMN status text NOT NULL DEFAULT 'ACTIVE'
    CHECK (status IN ('PENDING', 'ACTIVE', 'DECLINED', 'SUSPENDED'));
CREATE UNIQUE INDEX merchants_code ON merchants (code);
CREATE INDEX merchants_status ON merchants (status, id);

CREATE TABLE merchant_api_keys (
    id          integer PRIMARY KEY,
    merchant_id bigint      NOT NULL REFERENCES merchants (id),
    prefix      text        NOT NULL UNIQUE,
    key_hash    text        NOT NULL,
    created_at  text        NOT NULL,
    revoked_at  text        NULL
);
CREATE INDEX merchant_api_keys_merchant ON merchant_api_keys (merchant_id, id);

-- The reference a customer types on Paybill and STK sends as AccountReference: merchant code and
-- invoice number ("MM7-42"), unique across the deployment however it is typed (invoices made before
-- this have none and keep their number as their reference).
ALTER TABLE invoices ADD COLUMN payment_ref text NULL;
CREATE UNIQUE INDEX invoices_payment_ref ON invoices (replace(payment_ref, '-', ''));
