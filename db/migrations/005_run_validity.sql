-- Validity of every call, counted per task (phi_core/violations.py: VALIDITY),
-- replies that could not be read, and which process owns a running run.
ALTER TABLE run_results ADD COLUMN prompt_truncated INTEGER DEFAULT 0;
ALTER TABLE run_results ADD COLUMN output_truncated INTEGER DEFAULT 0;
ALTER TABLE run_results ADD COLUMN schema_ignored INTEGER DEFAULT 0;
ALTER TABLE run_results ADD COLUMN thinking_text INTEGER DEFAULT 0;
ALTER TABLE run_results ADD COLUMN model_changed INTEGER DEFAULT 0;
ALTER TABLE run_results ADD COLUMN unparseable_replies INTEGER DEFAULT 0;
ALTER TABLE run_results ADD COLUMN parse_error VARCHAR;
-- "<pid>-<process start>" of the process running the run. A run left
-- 'queued' or 'running' by another process is marked 'interrupted' when the
-- database is next opened for writing: only one process can write, so that
-- process is gone.
ALTER TABLE runs ADD COLUMN owner VARCHAR;
