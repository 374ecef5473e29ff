-- The web dashboard: one-time login codes sent by WhatsApp, and the Data Protection key ring that
-- signs the session cookies, kept here so that every instance accepts every session.

CREATE TABLE login_codes (
    id          integer PRIMARY KEY,
    phone       text    NOT NULL,
    code_hash   text    NOT NULL,
    attempts    integer NOT NULL DEFAULT 0,
    created_at  text    NOT NULL,
    expires_at  text    NOT NULL,
    used_at     text    NULL
);
CREATE INDEX login_codes_phone ON login_codes (phone, created_at);

CREATE TABLE data_protection_keys (
    id            integer PRIMARY KEY,
    friendly_name text NOT NULL UNIQUE,
    xml           text NOT NULL
);
