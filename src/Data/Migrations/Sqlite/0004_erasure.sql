-- Erasure replaces a customer's number with the stable pseudonym their invoices get
-- ('erased-' and 16 hex digits), so the customers row may hold that instead of a real number.
--
-- SQLite cannot alter a CHECK: the table is rebuilt following https://sqlite.org/lang_altertable.html#otheralter
-- (create new_customers, copy, drop, rename, recreate the index), everything but the CHECK identical.
-- The migrator's connection leaves foreign keys off (step 1) and runs this script in one
-- transaction (steps 2 and 11); invoices.customer_id keeps pointing at the same ids.

CREATE TABLE new_customers (
    id          integer PRIMARY KEY,
    merchant_id bigint      NOT NULL REFERENCES merchants (id),
    msisdn      text        NOT NULL CHECK (msisdn GLOB '254[17][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
                                     OR msisdn GLOB 'erased-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    name        text        NULL,
    created_at  text        NOT NULL,
    updated_at  text        NOT NULL,
    UNIQUE (merchant_id, msisdn)
);

INSERT INTO new_customers (id, merchant_id, msisdn, name, created_at, updated_at)
SELECT id, merchant_id, msisdn, name, created_at, updated_at FROM customers;

DROP TABLE customers;

ALTER TABLE new_customers RENAME TO customers;

CREATE INDEX customers_merchant_name ON customers (merchant_id, lower(name));
