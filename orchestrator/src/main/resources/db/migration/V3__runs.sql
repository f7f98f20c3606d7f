-- The run engine's state: why a run ended early, what it ran, and every transition with its time.
-- A run keeps the experiment text it executed, so its report stays true after the experiment changes.
ALTER TABLE run ADD COLUMN cause VARCHAR(2000);
ALTER TABLE run ADD COLUMN source TEXT;

-- One row per lifecycle transition (PREFLIGHT ... DONE, ABORTED), in order: the run's own timeline.
CREATE TABLE run_transition (
    id      VARCHAR(80)              NOT NULL,
    run_id  VARCHAR(64)              NOT NULL,
    seq     INTEGER                  NOT NULL,
    state   VARCHAR(32)              NOT NULL,
    at      TIMESTAMP WITH TIME ZONE NOT NULL,
    detail  VARCHAR(2000),
    CONSTRAINT run_transition_pk PRIMARY KEY (id)
);

CREATE INDEX run_transition_run_idx ON run_transition (run_id, seq);
