-- Staff: people the owner lets invoice for the business from their own phone. A phone belongs to at
-- most one business (the unique index; the code also refuses a number that is a merchant's own), and
-- each invoice records which staff member made it: their phone, NULL for the owner or the API.
CREATE TABLE merchant_staff (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    merchant_id bigint      NOT NULL REFERENCES merchants (id),
    phone       text        NOT NULL CHECK (phone ~ '^254[17][0-9]{8}$'),
    name        text        NOT NULL,
    -- The staff member's own reply language, so theirs never changes the owner's (NULL: not known yet).
    language    text        NULL CHECK (language IN ('en', 'sw')),
    added_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX merchant_staff_phone ON merchant_staff (phone);
CREATE INDEX merchant_staff_merchant ON merchant_staff (merchant_id, name);

ALTER TABLE invoices ADD COLUMN created_by text NULL;
