-- A merchant's own WhatsApp Business number (issue 18, last part): see the PostgreSQL migration.

CREATE TABLE merchant_whatsapp (
    merchant_id          integer PRIMARY KEY REFERENCES merchants (id),
    phone_number_id      text NOT NULL UNIQUE,
    display_phone_number text NOT NULL,
    access_token         text NOT NULL,
    invoice_template     text NULL,
    template_language    text NULL,
    created_at           text NOT NULL,
    updated_at           text NOT NULL
);

ALTER TABLE outbox ADD COLUMN business_number_id text NULL;

CREATE TABLE whatsapp_windows (
    phone_number_id text NOT NULL,
    participant     text NOT NULL,
    last_inbound_at text NOT NULL,
    PRIMARY KEY (phone_number_id, participant)
);
