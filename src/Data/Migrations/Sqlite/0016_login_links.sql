-- One-tap dashboard login links sent in chat (the "web" command): stored as the SHA-256 of the token,
-- used once, within 15 minutes.

CREATE TABLE login_links (
    id          integer PRIMARY KEY,
    token_hash  text NOT NULL UNIQUE,
    phone       text NOT NULL,
    created_at  text NOT NULL,
    expires_at  text NOT NULL,
    used_at     text NULL
);
