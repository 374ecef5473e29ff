-- A merchant's own Daraja app (issue "paid into their own M-PESA", route 1). The consumer key and secret, the
-- passkey and the initiator's password and certificate are one blob encrypted with ASP.NET Core Data Protection
-- (key ring in data_protection_keys); only the shortcode and Till number, which customers see anyway, are plain.
-- version changes with every save, so a token cached for old keys is never used with new ones.

CREATE TABLE merchant_mpesa (
    merchant_id   integer PRIMARY KEY REFERENCES merchants (id),
    kind          text NOT NULL CHECK (kind IN ('PAYBILL', 'TILL')),
    short_code    text NOT NULL,
    party_b       text NULL,
    secrets       text NOT NULL,
    version       integer NOT NULL,
    saved_at      text NOT NULL,
    last_used_at  text NULL,
    removed_at    text NULL
);

CREATE TABLE setup_links (
    id          integer PRIMARY KEY,
    token_hash  text NOT NULL UNIQUE,
    merchant_id integer NOT NULL REFERENCES merchants (id),
    purpose     text NOT NULL,
    created_at  text NOT NULL,
    expires_at  text NOT NULL,
    used_at     text NULL
);

ALTER TABLE payments ADD COLUMN daraja_account text NULL;
