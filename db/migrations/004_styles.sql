-- phi-bench store, version 4: document styles and value formats.
-- reports.style names the kind of document (hl7, referral, nursing...);
-- gold_spans.format says how a gold value is written ("era-abbreviated date",
-- "HL7 name"...). Both are optional: imported corpora usually have neither.
ALTER TABLE reports ADD COLUMN IF NOT EXISTS style VARCHAR;
ALTER TABLE gold_spans ADD COLUMN IF NOT EXISTS format VARCHAR;

-- Per (run, report, value format, gold category): written by score_run beside
-- the other analysis tables, for gold spans that carry a format. found counts
-- gold spans touched by a prediction; pred_chars / pred_chars_inside are the
-- characters of the predicted spans touching these gold spans, and how many
-- of them lie inside gold (the character precision of those predictions).
CREATE TABLE IF NOT EXISTS score_formats (
    run_id            VARCHAR NOT NULL,
    report_id         VARCHAR NOT NULL,
    format            VARCHAR NOT NULL,
    category          VARCHAR NOT NULL,
    support           INTEGER NOT NULL,
    found             INTEGER NOT NULL,
    gold_chars        INTEGER NOT NULL,
    leaked_chars      INTEGER NOT NULL,
    pred_chars        INTEGER NOT NULL,
    pred_chars_inside INTEGER NOT NULL
);
