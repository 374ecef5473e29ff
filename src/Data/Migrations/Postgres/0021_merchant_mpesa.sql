-- A merchant's own Daraja app (issue "paid into their own M-PESA", route 1). The consumer key and secret, the
-- passkey and the initiator's password and certificate are one blob encrypted with ASP.NET Core Data Protection
-- (key ring in data_protection_keys); only the shortcode and Till number, which customers see anyway, are plain.
-- version changes with every save, so a token cached for old keys is never used with new ones.

CREATE TABLE merchant_mpesa (
    merchant_id   bigint      PRIMARY KEY REFERENCES merchants (id),
    kind          text        NOT NULL CHECK (kind IN ('PAYBILL', 'TILL')),
    short_code    text        NOT NULL,
    party_b       text        NULL,
    secrets       text        NOT NULL,
    version       bigint      NOT NULL,
    saved_at      timestamptz NOT NULL,
    last_used_at  timestamptz NULL,
    removed_at    timestamptz NULL
);

-- One-time links to pages a merchant opens from chat (the M-PESA setup form): the SHA-256 of the token, one
-- merchant, one purpose, used once, within 15 minutes.
CREATE TABLE setup_links (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash  text        NOT NULL UNIQUE,
    merchant_id bigint      NOT NULL REFERENCES merchants (id),
    purpose     text        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz NULL
);

-- Which Daraja app pushed a payment ('m' || merchant id and version for a merchant's own; NULL: the deployment's),
-- so its STK Query asks with the same keys even after the merchant changed or removed them.
ALTER TABLE payments ADD COLUMN daraja_account text NULL;
