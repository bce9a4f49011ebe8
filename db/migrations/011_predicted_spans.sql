-- Offset-exact predictions: the spans an extractor that knows where a value is
-- (the rules, every recognizer, a pipeline of them) found, as it found them.
-- Items (predicted_items) stay for the study's item model and its exports; a
-- task with rows here is scored, leak-checked and merged from these spans,
-- one without (a model reply) from its items located by string search.
-- Offsets are Python string indices (code points), end exclusive.
CREATE TABLE IF NOT EXISTS predicted_spans (
    run_id     VARCHAR NOT NULL,
    report_id  VARCHAR NOT NULL,
    repeat_idx INTEGER NOT NULL,
    span_idx   INTEGER NOT NULL,
    label      VARCHAR NOT NULL,
    category   VARCHAR,
    start_pos  INTEGER NOT NULL,
    end_pos    INTEGER NOT NULL,
    PRIMARY KEY (run_id, report_id, repeat_idx, span_idx)
);
