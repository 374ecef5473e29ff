-- A merchant may turn off the PDF invoice and receipt sent as WhatsApp documents (chat: pdf off); on by default.
-- The pay page's PDF links stay: a customer who wants the document can still open it.

ALTER TABLE merchants ADD COLUMN pdf_enabled integer NOT NULL DEFAULT 1;
