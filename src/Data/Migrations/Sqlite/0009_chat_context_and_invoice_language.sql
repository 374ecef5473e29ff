-- The language an invoice was sent in: the customer's replies, receipts and pay page follow it
-- (NULL for invoices from before: they fall back to the merchant's language, as they were sent).
ALTER TABLE invoices ADD COLUMN language text NULL CHECK (language IN ('en', 'sw'));

-- A question the bot asked in a chat and the answer it waits for (Yes / No, a numbered choice),
-- and which page of which list the person saw last, so "more" goes on from there. JSON, NULL when none.
ALTER TABLE conversations ADD COLUMN chat_context text NULL;
