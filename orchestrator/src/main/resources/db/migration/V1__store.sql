-- The orchestrator's first tables. One script for H2 2.x and PostgreSQL 15: only standard types
-- (VARCHAR, TEXT, BIGINT, TIMESTAMP WITH TIME ZONE), unquoted lower-case names, named constraints.
-- Never edit a released migration: add V2__..., V3__... (the run engine's columns, Quartz's tables).

CREATE TABLE experiment (
    name       VARCHAR(200)             NOT NULL,
    title      VARCHAR(500),
    format     VARCHAR(16)              NOT NULL,
    source     TEXT                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT experiment_pk PRIMARY KEY (name)
);

-- Last known state per region; capabilities are comma-joined (names never contain commas).
CREATE TABLE agent (
    region              VARCHAR(100)             NOT NULL,
    agent_id            VARCHAR(200),
    version             VARCHAR(100),
    capabilities        TEXT                     NOT NULL,
    status              VARCHAR(16)              NOT NULL,
    status_reason       VARCHAR(500),
    remote_address      VARCHAR(200),
    connected_at        TIMESTAMP WITH TIME ZONE,
    last_heartbeat      TIMESTAMP WITH TIME ZONE,
    clock_offset_micros BIGINT,
    clock_error_micros  BIGINT,
    CONSTRAINT agent_pk PRIMARY KEY (region)
);

-- The SHA-256 (hex) of each region's agent token; the token itself is never stored.
CREATE TABLE enrollment (
    region       VARCHAR(100)             NOT NULL,
    token_sha256 VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT enrollment_pk PRIMARY KEY (region)
);

-- No foreign key to experiment: a run is history and outlives the experiment it executed.
CREATE TABLE run (
    id         VARCHAR(64)              NOT NULL,
    experiment VARCHAR(200)             NOT NULL,
    state      VARCHAR(32)              NOT NULL,
    verdict    VARCHAR(16),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT run_pk PRIMARY KEY (id)
);

CREATE INDEX run_created_at_idx ON run (created_at);
CREATE INDEX run_experiment_idx ON run (experiment);
