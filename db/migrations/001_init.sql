-- phi-bench store, version 1: corpus, gold labels with audit, runs and results.
-- Offsets are Python string indices (code points), end exclusive.

CREATE TABLE IF NOT EXISTS datasets (
    name        VARCHAR PRIMARY KEY,
    description VARCHAR DEFAULT '',
    source      VARCHAR DEFAULT '',
    created_at  TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS reports (
    dataset     VARCHAR NOT NULL,
    report_id   VARCHAR NOT NULL,
    text        VARCHAR NOT NULL,
    split       VARCHAR NOT NULL CHECK (split IN ('dev', 'test')),
    status      VARCHAR NOT NULL CHECK (status IN ('unlabeled', 'silver', 'in_review', 'approved')),
    -- Bumped on every gold edit so a stale save can be detected and refused.
    version     INTEGER NOT NULL DEFAULT 1,
    ordinal     INTEGER NOT NULL,
    warnings    JSON,
    meta        JSON,
    source      VARCHAR DEFAULT '',
    imported_at TIMESTAMP DEFAULT current_timestamp,
    updated_at  TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (dataset, report_id)
);

CREATE TABLE IF NOT EXISTS gold_spans (
    dataset    VARCHAR NOT NULL,
    report_id  VARCHAR NOT NULL,
    start_pos  INTEGER NOT NULL,
    end_pos    INTEGER NOT NULL,
    category   VARCHAR NOT NULL,
    span_text  VARCHAR NOT NULL,
    PRIMARY KEY (dataset, report_id, start_pos, end_pos, category)
);

CREATE SEQUENCE IF NOT EXISTS gold_audit_seq START 1;
CREATE TABLE IF NOT EXISTS gold_audit (
    audit_id       BIGINT PRIMARY KEY DEFAULT nextval('gold_audit_seq'),
    dataset        VARCHAR NOT NULL,
    report_id      VARCHAR NOT NULL,
    actor          VARCHAR NOT NULL,
    changed_at     TIMESTAMP DEFAULT current_timestamp,
    action         VARCHAR NOT NULL,
    version_before INTEGER,
    version_after  INTEGER,
    before         JSON,
    after          JSON,
    undone_by      BIGINT
);

CREATE TABLE IF NOT EXISTS phases (
    phase_key   VARCHAR PRIMARY KEY,
    number      INTEGER NOT NULL,
    name        VARCHAR NOT NULL,
    version     INTEGER NOT NULL,
    hash        VARCHAR NOT NULL,
    parent_hash VARCHAR,
    definition  JSON NOT NULL,
    source      VARCHAR DEFAULT 'shipped',
    created_at  TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS runs (
    run_id        VARCHAR PRIMARY KEY,
    -- Same job key = same work: re-running resumes instead of starting over.
    job_key       VARCHAR NOT NULL,
    dataset       VARCHAR NOT NULL,
    split         VARCHAR,
    backend       VARCHAR NOT NULL,
    model         VARCHAR NOT NULL,
    phase         VARCHAR NOT NULL,
    phase_key     VARCHAR,
    host          VARCHAR DEFAULT '',
    model_digest  VARCHAR DEFAULT '',
    model_meta    JSON,
    options       JSON,
    provenance    JSON,
    repeats       INTEGER NOT NULL DEFAULT 1,
    status        VARCHAR NOT NULL DEFAULT 'queued',
    tasks_total   INTEGER NOT NULL DEFAULT 0,
    created_at    TIMESTAMP DEFAULT current_timestamp,
    started_at    TIMESTAMP,
    finished_at   TIMESTAMP,
    error         VARCHAR
);

CREATE TABLE IF NOT EXISTS run_results (
    run_id            VARCHAR NOT NULL,
    report_id         VARCHAR NOT NULL,
    repeat_idx        INTEGER NOT NULL,
    status            VARCHAR NOT NULL CHECK (status IN ('done', 'failed')),
    raw_output        VARCHAR,
    violations        JSON,
    calls             JSON,
    seconds           DOUBLE,
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    input_tokens      INTEGER,
    backend_calls     INTEGER DEFAULT 0,
    error             VARCHAR,
    finished_at       TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (run_id, report_id, repeat_idx)
);

CREATE TABLE IF NOT EXISTS predicted_items (
    run_id     VARCHAR NOT NULL,
    report_id  VARCHAR NOT NULL,
    repeat_idx INTEGER NOT NULL,
    item_idx   INTEGER NOT NULL,
    label      VARCHAR NOT NULL,
    category   VARCHAR,
    value      VARCHAR NOT NULL,
    PRIMARY KEY (run_id, report_id, repeat_idx, item_idx)
);

-- One row per (run, report): repeats are folded in (stability needs them all).
CREATE TABLE IF NOT EXISTS report_scores (
    run_id                  VARCHAR NOT NULL,
    report_id               VARCHAR NOT NULL,
    score                   DOUBLE NOT NULL,
    recall                  DOUBLE,
    precision               DOUBLE,
    boundary_fidelity       DOUBLE,
    information_purity      DOUBLE,
    category_classification DOUBLE,
    rule_adherence          DOUBLE,
    stability               DOUBLE,
    efficiency              DOUBLE,
    rescaled                BOOLEAN,
    seconds                 DOUBLE,
    details                 JSON,
    scored_at               TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (run_id, report_id)
);

-- Backend replies keyed by (model digest, messages, schema, options): a
-- repeated request is answered from here without calling the model again.
CREATE TABLE IF NOT EXISTS response_cache (
    request_hash      VARCHAR PRIMARY KEY,
    backend           VARCHAR NOT NULL,
    model             VARCHAR NOT NULL,
    model_digest      VARCHAR,
    request           JSON,
    reply_text        VARCHAR,
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    seconds           DOUBLE,
    load_seconds      DOUBLE,
    metrics           JSON,
    created_at        TIMESTAMP DEFAULT current_timestamp
);

-- Numbers reported by the source study: display-only reference rows.
CREATE TABLE IF NOT EXISTS reference_scores (
    source_table            VARCHAR,
    model                   VARCHAR,
    kind                    VARCHAR,
    phase                   INTEGER,
    stage                   VARCHAR,
    overall                 DOUBLE,
    recall                  DOUBLE,
    precision               DOUBLE,
    boundary_fidelity       DOUBLE,
    information_purity      DOUBLE,
    category_classification DOUBLE,
    rule_adherence          DOUBLE,
    stability               DOUBLE,
    efficiency              DOUBLE,
    sec_per_100_tokens      DOUBLE,
    note                    VARCHAR
);
