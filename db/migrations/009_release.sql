-- phi-bench store, version 9: samples of an archive for the release decision.
-- reports.kind is the document kind a sampled report was drawn from (K01...,
-- or the value of the stratifying column); NULL for reports not sampled.
ALTER TABLE reports ADD COLUMN IF NOT EXISTS kind VARCHAR;

-- One row per dataset made by `sample`: where it came from and how it was drawn.
CREATE TABLE IF NOT EXISTS release_samples (
    dataset         VARCHAR PRIMARY KEY,
    archive_name    VARCHAR NOT NULL,
    archive_format  VARCHAR NOT NULL,
    archive_size    BIGINT NOT NULL,
    archive_digest  VARCHAR NOT NULL,
    n_requested     INTEGER NOT NULL,
    n_sampled       INTEGER NOT NULL,
    seed            BIGINT NOT NULL,
    strata          VARCHAR NOT NULL,
    method          VARCHAR NOT NULL,
    silhouette      DOUBLE,
    pipeline        VARCHAR,
    pipeline_definition JSON,
    provenance      VARCHAR NOT NULL DEFAULT 'imported by the user',
    created_at      TIMESTAMP DEFAULT current_timestamp
);

-- The archive's size of each kind, so figures on the sample can be weighted to the archive.
CREATE TABLE IF NOT EXISTS release_kinds (
    dataset        VARCHAR NOT NULL,
    kind           VARCHAR NOT NULL,
    name           VARCHAR NOT NULL,
    archive_count  BIGINT NOT NULL,
    sampled_count  INTEGER NOT NULL,
    typical_lines  JSON,
    PRIMARY KEY (dataset, kind)
);
