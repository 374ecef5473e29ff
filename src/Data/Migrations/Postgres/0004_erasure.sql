-- Erasure replaces a customer's number with the stable pseudonym their invoices get
-- ('erased-' and 16 hex digits), so the customers row may hold that instead of a real number.

ALTER TABLE customers DROP CONSTRAINT customers_msisdn_check;
ALTER TABLE customers ADD CONSTRAINT customers_msisdn_check
    CHECK (msisdn ~ '^254[17][0-9]{8}$' OR msisdn ~ '^erased-[0-9a-f]{16}$');
