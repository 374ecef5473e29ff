-- Fair dispatch across merchants (start-time fair queueing). Each row gets a virtual send time when it
-- is queued, in microseconds since the Unix epoch: a merchant's message goes one turn after its latest
-- pending one, or now when it has none; a message of no merchant goes now. The claim takes due rows in
-- virtual_at order through one index, so one merchant's burst of 2,000 is spread out ahead and another
-- merchant's single message is next. A rescheduled row moves to its retry time when that is later.
-- Rows queued by the previous release get the default 0 and simply go first.
ALTER TABLE outbox ADD COLUMN virtual_at bigint NOT NULL DEFAULT 0;
UPDATE outbox SET virtual_at = (extract(epoch FROM next_attempt_at) * 1000000)::bigint;
-- The claim: due rows in virtual order. outbox_due goes: beside it PostgreSQL read every due row
-- through it and sorted them (25 ms with 6,500 queued) instead of walking outbox_fair (1 ms). The
-- previous release's claim still works without it during a rolling deploy, only slower.
CREATE INDEX outbox_fair ON outbox (virtual_at, id) WHERE status = 'PENDING';
DROP INDEX outbox_due;
-- Lease recovery (expired SENDING rows) and, with outbox_fair, the queue-depth gauge.
CREATE INDEX outbox_sending ON outbox (locked_until) WHERE status = 'SENDING';
-- The enqueue: a merchant's latest pending virtual time (one backward probe).
CREATE INDEX outbox_merchant_turn ON outbox (merchant_id, virtual_at) WHERE status = 'PENDING';
