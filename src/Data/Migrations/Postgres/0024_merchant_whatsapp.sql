-- A merchant's own WhatsApp Business number (issue 18, last part). The access token is encrypted with ASP.NET Core
-- Data Protection (key ring in data_protection_keys); the number's id, its display number and the names of its
-- approved templates are not secrets. One number per merchant, one merchant per number.

CREATE TABLE merchant_whatsapp (
    merchant_id          bigint      PRIMARY KEY REFERENCES merchants (id),
    phone_number_id      text        NOT NULL UNIQUE,
    display_phone_number text        NOT NULL,
    access_token         text        NOT NULL,
    invoice_template     text        NULL,
    template_language    text        NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);

-- The number a message goes from (NULL: the deployment's shared WhatsApp:PhoneNumberId), so that a retry, a status
-- and a fallback all belong to the same number.
ALTER TABLE outbox ADD COLUMN business_number_id text NULL;

-- WhatsApp's 24-hour window on a merchant's own number: when each person last wrote to that number. The shared
-- number's window stays conversations.last_inbound_at.
CREATE TABLE whatsapp_windows (
    phone_number_id text        NOT NULL,
    participant     text        NOT NULL,
    last_inbound_at timestamptz NOT NULL,
    PRIMARY KEY (phone_number_id, participant)
);
