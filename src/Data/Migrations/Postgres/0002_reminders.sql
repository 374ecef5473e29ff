-- One row per automatic reminder step taken: the unique pair is what lets several instances
-- run the scheduler at once and still remind each invoice once per step.

CREATE TABLE reminder_runs (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id text        NOT NULL REFERENCES invoices (id),
    step       text        NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (invoice_id, step)
);
