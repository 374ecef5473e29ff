-- Provider bodies that came through an authenticated door but could not be fully read. They are
-- never acknowledged as nothing: each is kept here for a person, and reconciliation lists it.

CREATE TABLE review_items (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source          text        NOT NULL,
    source_event_id text        NOT NULL UNIQUE,
    reason          text        NOT NULL,
    raw             text        NOT NULL,
    payment_id      bigint      NULL REFERENCES payments (id),
    created_at      timestamptz NOT NULL
);
CREATE INDEX review_items_created ON review_items (created_at);
