-- phi-bench store, version 10: a run's hosts as a list.
-- Runs kept their hosts joined with ", " in runs.host and only Ollama runs
-- were split back, so an OpenAI-compatible run resumed from the app lost its
-- hosts. Old rows are split on the same ", " they were joined with.
ALTER TABLE runs ADD COLUMN hosts VARCHAR[] DEFAULT [];
UPDATE runs SET hosts = CASE WHEN coalesce(host, '') = '' THEN [] ELSE string_split(host, ', ') END;
ALTER TABLE runs DROP COLUMN host;
