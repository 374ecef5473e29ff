-- The web dashboard: one-time login codes sent by WhatsApp, and the Data Protection key ring that
-- signs the session cookies, kept here so that every instance accepts every session.

CREATE TABLE login_codes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone       text        NOT NULL,
    code_hash   text        NOT NULL,
    attempts    integer     NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz NULL
);
CREATE INDEX login_codes_phone ON login_codes (phone, created_at);

CREATE TABLE data_protection_keys (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text NOT NULL UNIQUE,
    xml           text NOT NULL
);
