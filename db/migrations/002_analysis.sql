-- phi-bench store, version 2: per-(run, report) analysis tables.
-- Written by score_run in the same transaction as report_scores (from the
-- first repeat's details, like the leaderboard), so the analysis pages can
-- aggregate in SQL instead of parsing the details JSON of every report.

CREATE TABLE IF NOT EXISTS score_counts (
    run_id             VARCHAR NOT NULL,
    report_id          VARCHAR NOT NULL,
    gold               INTEGER NOT NULL,
    gold_found         INTEGER NOT NULL,
    pred_items         INTEGER NOT NULL,
    pred_items_correct INTEGER NOT NULL,
    matched            INTEGER NOT NULL,
    gold_chars         INTEGER NOT NULL,
    leaked_chars       INTEGER NOT NULL,
    PRIMARY KEY (run_id, report_id)
);

-- Category key: gold category for support/tp/fn, predicted label's category
-- (or the normalised label when it has none) for fp.
CREATE TABLE IF NOT EXISTS score_categories (
    run_id     VARCHAR NOT NULL,
    report_id  VARCHAR NOT NULL,
    category   VARCHAR NOT NULL,
    support    INTEGER NOT NULL,
    strict_tp  INTEGER NOT NULL,
    strict_fp  INTEGER NOT NULL,
    strict_fn  INTEGER NOT NULL,
    relaxed_tp INTEGER NOT NULL,
    relaxed_fp INTEGER NOT NULL,
    relaxed_fn INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS score_scripts (
    run_id    VARCHAR NOT NULL,
    report_id VARCHAR NOT NULL,
    script    VARCHAR NOT NULL,
    found     INTEGER NOT NULL,
    total     INTEGER NOT NULL
);

-- start_pos/end_pos as in ReportScore.errors (gold span for gold-side errors,
-- predicted span for spurious/impure); gold_* and pred_* give both sides
-- where they are known, so a page can highlight both.
CREATE TABLE IF NOT EXISTS score_errors (
    run_id     VARCHAR NOT NULL,
    report_id  VARCHAR NOT NULL,
    type       VARCHAR NOT NULL,
    category   VARCHAR,
    gold_text  VARCHAR,
    pred_label VARCHAR,
    pred_value VARCHAR,
    start_pos  INTEGER,
    end_pos    INTEGER,
    gold_start INTEGER,
    gold_end   INTEGER,
    pred_start INTEGER,
    pred_end   INTEGER
);

-- Matched (gold span, predicted span) pairs counted per category pair.
CREATE TABLE IF NOT EXISTS score_pairs (
    run_id        VARCHAR NOT NULL,
    report_id     VARCHAR NOT NULL,
    gold_category VARCHAR NOT NULL,
    pred_category VARCHAR NOT NULL,
    n             INTEGER NOT NULL
);
