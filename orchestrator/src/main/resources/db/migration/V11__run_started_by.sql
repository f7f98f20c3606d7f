-- Who started a run: a user's name (through the API or a game day), schedule:<name> for a scheduled fire,
-- or demo. Reports name them, and they may not sign off the run's report. Runs recorded before this
-- column existed have none.
ALTER TABLE run ADD COLUMN started_by VARCHAR(200);
