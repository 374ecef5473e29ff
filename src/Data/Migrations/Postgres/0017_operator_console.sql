-- The operator console at /ops: login codes keep to the door they were asked at (an /app code never opens
-- /ops, nor the other way round), and what a person resolved by hand records who, when and why.

ALTER TABLE login_codes ADD COLUMN audience text NOT NULL DEFAULT 'app';
CREATE INDEX login_codes_phone_audience ON login_codes (phone, audience, id);

ALTER TABLE payments ADD COLUMN review_resolved_at timestamptz NULL;
ALTER TABLE payments ADD COLUMN review_resolved_by text NULL;
ALTER TABLE payments ADD COLUMN review_note text NULL;

ALTER TABLE review_items ADD COLUMN resolved_at timestamptz NULL;
ALTER TABLE review_items ADD COLUMN resolved_by text NULL;
ALTER TABLE review_items ADD COLUMN resolution_note text NULL;
