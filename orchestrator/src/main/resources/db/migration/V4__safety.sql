-- HALT: every halt ever called, with who called it, why, and who resumed. The row without resumed_at is the
-- halt in force: while it exists no run starts and no fault is applied, on every orchestrator sharing the database.
CREATE TABLE halt (
    id          VARCHAR(64)              NOT NULL,
    halted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    halted_by   VARCHAR(200)             NOT NULL,
    reason      VARCHAR(2000)            NOT NULL,
    resumed_at  TIMESTAMP WITH TIME ZONE,
    resumed_by  VARCHAR(200),
    CONSTRAINT halt_pk PRIMARY KEY (id)
);

-- Every orchestrator process that ever ran on this database, and when it last said it was alive. A run belongs to
-- the process executing it; a run whose owner stopped saying so is over, whatever its last recorded state.
CREATE TABLE orchestrator_instance (
    id          VARCHAR(120)             NOT NULL,
    host        VARCHAR(200)             NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT orchestrator_instance_pk PRIMARY KEY (id)
);

ALTER TABLE run ADD COLUMN owner VARCHAR(120);
