-- An event's SSE id is its place in commit order. It used to be the identity value, handed out at
-- insert but visible at commit in any order, so every writer of events took one process-wide
-- advisory lock from its insert until its commit: a reader at "id > 41" could otherwise skip a 42
-- that commits after 43. That lock serialized every invoice turn, send and settlement, client
-- round trips included (the benchmark found half the busy connections waiting on it).
--
-- Now the number is given at commit: a deferred constraint trigger takes the same lock and numbers
-- the row as the last step before COMMIT, and the lock is released once the commit is visible.
-- Numbers therefore become visible in order and without gaps, and the lock is held for a commit,
-- not a transaction. Rows not yet numbered belong to transactions still open, which no reader sees.
ALTER TABLE events ADD COLUMN seq bigint;
UPDATE events SET seq = id;
CREATE UNIQUE INDEX events_seq ON events (seq);

CREATE SEQUENCE events_commit_seq;
SELECT setval('events_commit_seq', (SELECT COALESCE(MAX(id), 0) + 1 FROM events), false);

CREATE FUNCTION events_number_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(520802023);
    UPDATE events SET seq = nextval('events_commit_seq') WHERE id = NEW.id;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER events_number_at_commit AFTER INSERT ON events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION events_number_at_commit();
