-- Jobs started from the Runs page. A job is what the user asked for (the
-- Runner's Job as JSON); its run appears in `runs` once the runner starts.
-- Kept so that work queued or running when the app stopped can be resumed
-- with exactly the same job (and therefore the same job key).
CREATE TABLE IF NOT EXISTS jobs (
    job_id      VARCHAR PRIMARY KEY,
    job         JSON NOT NULL,
    description VARCHAR DEFAULT '',
    -- queued | running | done | failed | cancelled | error | interrupted | resumed
    status      VARCHAR NOT NULL DEFAULT 'queued',
    run_id      VARCHAR,
    error       VARCHAR,
    created_at  TIMESTAMP DEFAULT current_timestamp,
    started_at  TIMESTAMP,
    finished_at TIMESTAMP
);
