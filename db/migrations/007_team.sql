-- phi-bench store, version 7: several annotators per report, assignments,
-- adjudication and team roles.
-- The gold layer stays in gold_spans (and reports.status/version), so every
-- existing label is kept as it is and every reader of the gold is unchanged.
-- Each annotator's own layer lives in layer_spans with its state in
-- annotation_layers; an assignment is an annotation_layers row.

-- '' is the gold layer; otherwise the annotator whose layer changed.
ALTER TABLE gold_audit ADD COLUMN layer VARCHAR DEFAULT '';

CREATE TABLE IF NOT EXISTS annotation_layers (
    dataset      VARCHAR NOT NULL,
    report_id    VARCHAR NOT NULL,
    annotator    VARCHAR NOT NULL,
    -- Same vocabulary as reports.status: 'approved' means submitted.
    status       VARCHAR NOT NULL DEFAULT 'unlabeled'
                 CHECK (status IN ('unlabeled', 'silver', 'in_review', 'approved')),
    version      INTEGER NOT NULL DEFAULT 1,
    assigned_by  VARCHAR DEFAULT '',
    assigned_at  TIMESTAMP DEFAULT current_timestamp,
    opened_at    TIMESTAMP,
    submitted_at TIMESTAMP,
    updated_at   TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (dataset, report_id, annotator)
);

CREATE TABLE IF NOT EXISTS layer_spans (
    dataset    VARCHAR NOT NULL,
    report_id  VARCHAR NOT NULL,
    annotator  VARCHAR NOT NULL,
    start_pos  INTEGER NOT NULL,
    end_pos    INTEGER NOT NULL,
    category   VARCHAR NOT NULL,
    span_text  VARCHAR NOT NULL,
    PRIMARY KEY (dataset, report_id, annotator, start_pos, end_pos, category)
);

-- The last adjudication of a report: which layers were compared and what was decided.
CREATE TABLE IF NOT EXISTS adjudications (
    dataset     VARCHAR NOT NULL,
    report_id   VARCHAR NOT NULL,
    adjudicator VARCHAR NOT NULL,
    layers      JSON,
    decisions   JSON,
    decided_at  TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (dataset, report_id)
);

CREATE TABLE IF NOT EXISTS team_members (
    user_id    VARCHAR PRIMARY KEY,
    name       VARCHAR DEFAULT '',
    role       VARCHAR NOT NULL CHECK (role IN ('viewer', 'annotator', 'adjudicator', 'lead')),
    updated_by VARCHAR DEFAULT '',
    updated_at TIMESTAMP DEFAULT current_timestamp
);

-- Small settings: per dataset (blind mode) or per user (language); scope '' = global.
CREATE TABLE IF NOT EXISTS team_settings (
    scope      VARCHAR NOT NULL,
    key        VARCHAR NOT NULL,
    value      JSON,
    updated_at TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (scope, key)
);
