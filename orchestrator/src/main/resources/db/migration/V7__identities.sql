-- People and the API tokens they act with. A token is kept as its SHA-256 only; the token itself is shown once.
-- Roles: viewer (reads), operator (runs, faults, experiments, schedules, HALT), approver (decides approvals),
-- admin (everything, including people, tokens and resuming after a HALT).
CREATE TABLE app_user (
    name        VARCHAR(100)             NOT NULL,
    role        VARCHAR(16)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(200)             NOT NULL,
    CONSTRAINT app_user_pk PRIMARY KEY (name)
);

CREATE TABLE api_token (
    id            VARCHAR(40)              NOT NULL,
    user_name     VARCHAR(100)             NOT NULL,
    token_sha256  VARCHAR(64)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_token_pk PRIMARY KEY (id),
    CONSTRAINT api_token_hash_uq UNIQUE (token_sha256)
);

-- Production runs need a second person's yes. One row per request, with its decision and expiry.
CREATE TABLE approval (
    id            VARCHAR(40)              NOT NULL,
    experiment    VARCHAR(200)             NOT NULL,
    estate        VARCHAR(200)             NOT NULL,
    requested_by  VARCHAR(100)             NOT NULL,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason        VARCHAR(2000)            NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    state         VARCHAR(16)              NOT NULL,
    decided_by    VARCHAR(100),
    decided_at    TIMESTAMP WITH TIME ZONE,
    note          VARCHAR(2000),
    run_id        VARCHAR(64),
    CONSTRAINT approval_pk PRIMARY KEY (id)
);
CREATE INDEX approval_experiment_idx ON approval (experiment, state);
