-- The per-sender chat limit (SenderActivity) counts a sender's earlier inbox rows within a window:
--   WHERE conversation_key = @key AND id < @id AND received_at > @since AND kind IN (...)
-- The only conversation_key index is partial on PENDING rows, so that count scanned the inbox,
-- which grows with traffic for the retention period. This index bounds it to the sender's rows
-- in the window.
CREATE INDEX inbox_sender_recent ON inbox (conversation_key, received_at);
