-- Line items, the merchant's product list and VAT (issue 20). An invoice without rows in invoice_items is a
-- single-amount invoice, as every invoice was before. amount_cents stays what the customer pays (gross).
CREATE TABLE invoice_items (
    id                integer PRIMARY KEY,
    merchant_id       bigint  NOT NULL REFERENCES merchants (id),
    invoice_id        text    NOT NULL REFERENCES invoices (id),
    position          integer NOT NULL CHECK (position >= 1),
    description       text    NOT NULL,
    quantity          integer NOT NULL CHECK (quantity >= 1),
    unit_amount_cents bigint  NOT NULL CHECK (unit_amount_cents > 0),
    amount_cents      bigint  NOT NULL CHECK (amount_cents = quantity * unit_amount_cents),
    UNIQUE (merchant_id, invoice_id, position)
);

-- Saved items ("item add Cement 750"): one name per merchant, whatever its case.
CREATE TABLE products (
    id                integer PRIMARY KEY,
    merchant_id       bigint NOT NULL REFERENCES merchants (id),
    name              text   NOT NULL,
    unit_amount_cents bigint NOT NULL CHECK (unit_amount_cents > 0),
    created_at        text   NOT NULL,
    updated_at        text   NOT NULL
);
CREATE UNIQUE INDEX products_merchant_name ON products (merchant_id, lower(name));

-- How the merchant charges VAT; each invoice keeps the mode and the VAT it was made with.
ALTER TABLE merchants ADD COLUMN vat text NOT NULL DEFAULT 'NONE' CHECK (vat IN ('NONE', 'INCLUSIVE', 'EXCLUSIVE'));
ALTER TABLE invoices ADD COLUMN vat text NOT NULL DEFAULT 'NONE' CHECK (vat IN ('NONE', 'INCLUSIVE', 'EXCLUSIVE'));
ALTER TABLE invoices ADD COLUMN vat_cents bigint NOT NULL DEFAULT 0 CHECK (vat_cents >= 0);
