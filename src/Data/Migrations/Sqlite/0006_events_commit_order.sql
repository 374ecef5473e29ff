-- An event's SSE id is its place in commit order (see the PostgreSQL migration of the same name).
-- SQLite has one writer at a time, so insert order is commit order and the number is the id.
ALTER TABLE events ADD COLUMN seq integer GENERATED ALWAYS AS (id) VIRTUAL;
CREATE INDEX events_seq ON events (seq);
