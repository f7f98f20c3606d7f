-- Reports: what people found in a run, what they will do about it, and the approver's sign-off that freezes the
-- report. Run ids are names, not foreign keys, as elsewhere: a report outlives nothing it points to.

-- A finding in a run: classified by severity, with root-cause notes in its description.
CREATE TABLE report_finding (
    id           VARCHAR(64)              NOT NULL,
    run_id       VARCHAR(64)              NOT NULL,
    seq          INTEGER                  NOT NULL,
    title        VARCHAR(500)             NOT NULL,
    severity     VARCHAR(16)              NOT NULL,
    description  TEXT                     NOT NULL,
    created_by   VARCHAR(200)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT report_finding_pk PRIMARY KEY (id)
);
CREATE INDEX report_finding_run_idx ON report_finding (run_id, seq);

-- A remediation action of a finding: who owns it, by when, how far it got, and how the fix will be retested.
CREATE TABLE report_action (
    id          VARCHAR(64)              NOT NULL,
    finding_id  VARCHAR(64)              NOT NULL,
    run_id      VARCHAR(64)              NOT NULL,
    seq         INTEGER                  NOT NULL,
    title       VARCHAR(500)             NOT NULL,
    owner       VARCHAR(100)             NOT NULL,
    due         DATE                     NOT NULL,
    status      VARCHAR(16)              NOT NULL,
    retest      VARCHAR(2000),
    created_by  VARCHAR(200)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT report_action_pk PRIMARY KEY (id)
);
CREATE INDEX report_action_run_idx ON report_action (run_id, seq);

-- The sign-off of a run's report: once a row is here the report is the JSON kept in it, whose SHA-256 the audit
-- log recorded; the primary key makes a second sign-off fail.
CREATE TABLE report_sign_off (
    run_id     VARCHAR(64)              NOT NULL,
    signed_by  VARCHAR(200)             NOT NULL,
    signed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    note       VARCHAR(2000),
    report     TEXT                     NOT NULL,
    sha256     VARCHAR(64)              NOT NULL,
    CONSTRAINT report_sign_off_pk PRIMARY KEY (run_id)
);
