-- phi-bench store, version 10: a run's hosts as a list.
-- Runs kept their hosts joined with ", " in runs.host and only Ollama runs
-- were split back, so an OpenAI-compatible run resumed from the app lost its
-- hosts. runs.hosts holds them as a JSON array of strings; old rows are split
-- on the same ", " they were joined with. Done as one column rewrite: DuckDB
-- refuses an UPDATE of a table altered in the same transaction.
ALTER TABLE runs ALTER COLUMN host SET DATA TYPE VARCHAR USING (
    CASE WHEN coalesce(host, '') = '' THEN '[]' ELSE to_json(string_split(host, ', '))::VARCHAR END
);
ALTER TABLE runs RENAME COLUMN host TO hosts;
ALTER TABLE runs ALTER COLUMN hosts SET DEFAULT '[]';
