-- Game-day schedules and freeze windows. V5 is Quartz's own job store, once per vendor (db/vendor/...): Quartz
-- holds when each schedule fires next; these tables hold what people asked for and what each fire did.

-- A game day on a calendar: a stored experiment, run by cron (in its time zone) or once at an instant. The
-- experiment is a name, not a foreign key: deleting the experiment makes the next fire fail with that reason,
-- recorded and visible, instead of refusing the delete or silently dropping the schedule.
CREATE TABLE schedule (
    name        VARCHAR(100)             NOT NULL,
    experiment  VARCHAR(200)             NOT NULL,
    cron        VARCHAR(120),
    run_at      TIMESTAMP WITH TIME ZONE,
    time_zone   VARCHAR(80)              NOT NULL,
    paused      BOOLEAN                  NOT NULL,
    created_by  VARCHAR(200)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(200)             NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT schedule_pk PRIMARY KEY (name),
    CONSTRAINT schedule_cron_or_at CHECK ((cron IS NULL) <> (run_at IS NULL))
);

-- Periods in which no scheduled game day starts. One row per window; the columns its kind does not use stay
-- null: dates (starts_at inclusive, ends_at exclusive), weekly (a canonical range such as FRI 18:00-MON 08:00 in
-- time_zone), holidays (comma-joined ISO dates, each a whole day in time_zone).
CREATE TABLE freeze_window (
    name        VARCHAR(100)             NOT NULL,
    kind        VARCHAR(16)              NOT NULL,
    time_zone   VARCHAR(80)              NOT NULL,
    starts_at   TIMESTAMP WITH TIME ZONE,
    ends_at     TIMESTAMP WITH TIME ZONE,
    weekly      VARCHAR(500),
    holidays    TEXT,
    reason      VARCHAR(2000)            NOT NULL,
    created_by  VARCHAR(200)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT freeze_window_pk PRIMARY KEY (name)
);

-- Every fire of every schedule and what came of it: started (with the run), blocked (a freeze window, a HALT, the
-- previous game day still in flight) or failed (experiment gone or invalid, missed while down). Kept when the
-- schedule is deleted: it is the record of what happened.
CREATE TABLE schedule_fire (
    id             VARCHAR(80)              NOT NULL,
    schedule       VARCHAR(100)             NOT NULL,
    scheduled_for  TIMESTAMP WITH TIME ZONE NOT NULL,
    fired_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome        VARCHAR(16)              NOT NULL,
    reason         VARCHAR(2000),
    freeze_window  VARCHAR(100),
    run_id         VARCHAR(64),
    CONSTRAINT schedule_fire_pk PRIMARY KEY (id)
);

CREATE INDEX schedule_fire_schedule_idx ON schedule_fire (schedule, fired_at);
