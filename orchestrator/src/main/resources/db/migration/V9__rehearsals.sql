-- Runbook rehearsal: game days (experiments + a runbook + participants with roles) and, per run a game day starts,
-- the runbook's steps as people started, completed or skipped them.

-- Runbooks sent over the API (POST /api/v1/runbooks), kept as the Markdown they were sent as. The built-in runbooks
-- come from the classpath and are never stored here.
CREATE TABLE runbook (
    id          VARCHAR(100)             NOT NULL,
    title       VARCHAR(500)             NOT NULL,
    version     VARCHAR(100)             NOT NULL,
    source      TEXT                     NOT NULL,
    created_by  VARCHAR(200)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT runbook_pk PRIMARY KEY (id)
);

-- A game day: stored experiments (names, comma-joined in the order they run: names cannot hold commas) and the
-- runbook people rehearse while they run. Both are names, not foreign keys, as schedules name their experiment: a
-- later start says what went missing instead of the delete being refused.
CREATE TABLE game_day (
    name         VARCHAR(100)             NOT NULL,
    runbook      VARCHAR(100)             NOT NULL,
    experiments  VARCHAR(2000)            NOT NULL,
    created_by   VARCHAR(200)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT game_day_pk PRIMARY KEY (name)
);

-- Who takes part, with one game-day role each (facilitator, on-call, observer, approver); id is <game day>/<user>.
CREATE TABLE game_day_participant (
    id         VARCHAR(210) NOT NULL,
    game_day   VARCHAR(100) NOT NULL,
    seq        INTEGER      NOT NULL,
    user_name  VARCHAR(100) NOT NULL,
    role       VARCHAR(16)  NOT NULL,
    CONSTRAINT game_day_participant_pk PRIMARY KEY (id)
);
CREATE INDEX game_day_participant_idx ON game_day_participant (game_day, seq);

-- A run a game day started, with the runbook as it was then: its Markdown and its steps (JSON, the http actions'
-- URLs resolved against the run's estate), so the rehearsal stays true after the runbook or the game day changes.
-- Kept when the game day is deleted: it is the record of what happened.
CREATE TABLE rehearsal (
    run_id           VARCHAR(64)              NOT NULL,
    game_day         VARCHAR(100)             NOT NULL,
    experiment       VARCHAR(200)             NOT NULL,
    runbook          VARCHAR(100)             NOT NULL,
    runbook_version  VARCHAR(100)             NOT NULL,
    runbook_source   TEXT                     NOT NULL,
    steps            TEXT                     NOT NULL,
    started_by       VARCHAR(200)             NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT rehearsal_pk PRIMARY KEY (run_id)
);
CREATE INDEX rehearsal_game_day_idx ON rehearsal (game_day, started_at);

-- What people did to each step: start, complete, skip (each at most once per step: the id is
-- <run>/<step>/<kind>), and the outcome of a completed step's http action. run_nanos is on the run's own timeline
-- (the clock of its artefacts); evidence is a JSON array of {kind, value}.
CREATE TABLE rehearsal_event (
    id             VARCHAR(200)             NOT NULL,
    run_id         VARCHAR(64)              NOT NULL,
    seq            INTEGER                  NOT NULL,
    step           VARCHAR(100)             NOT NULL,
    kind           VARCHAR(16)              NOT NULL,
    actor          VARCHAR(200)             NOT NULL,
    role           VARCHAR(16)              NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    run_nanos      BIGINT                   NOT NULL,
    note           VARCHAR(2000),
    evidence       TEXT,
    action_ok      BOOLEAN,
    action_status  INTEGER,
    action_millis  BIGINT,
    action_detail  VARCHAR(2000),
    CONSTRAINT rehearsal_event_pk PRIMARY KEY (id)
);
CREATE INDEX rehearsal_event_run_idx ON rehearsal_event (run_id, seq);
