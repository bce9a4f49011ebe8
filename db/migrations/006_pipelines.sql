-- Pipelines: named extractors made of parts (rules, one model in one phase,
-- or the union of several). The definition is JSON ({"parts": [...],
-- "precedence": [...]}) so a new part kind needs no schema change.
CREATE TABLE IF NOT EXISTS pipelines (
    name        VARCHAR PRIMARY KEY,
    definition  JSON NOT NULL,
    created_at  TIMESTAMP DEFAULT current_timestamp,
    updated_at  TIMESTAMP DEFAULT current_timestamp
);
