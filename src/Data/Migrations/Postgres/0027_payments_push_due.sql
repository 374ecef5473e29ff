-- The STK push worker's claim (the oldest STK payment not yet pushed) had no index of its own: it read every live STK
-- payment (pushed and waiting for its callback or query) to find none not yet pushed, and the worker asks after every
-- inbox batch. With 5,000 payments awaiting callbacks it was the costliest statement of a settlement run (11.8 ms
-- each); with this index it is one lookup whatever the table holds.
CREATE INDEX payments_push_due ON payments (id) WHERE method = 'STK' AND status = 'INITIATED' AND push_started_at IS NULL;
