"""Exactly what produced a verdict: the pipeline, its recognizers and phases, the project, the data."""

from __future__ import annotations

import hashlib
import json
import tomllib

from phi_core.paths import ROOT


def project_version() -> str:
    try:
        with open(ROOT / "pyproject.toml", "rb") as handle:
            return str(tomllib.load(handle)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"


def dataset_digest(reports) -> str:
    """SHA-256 over every report's id, status, text and gold spans, in order: any edit changes it."""
    digest = hashlib.sha256()
    for r in reports:
        spans = sorted((s.start, s.end, s.category) for s in r.spans)
        digest.update(json.dumps([r.id, r.status, r.text, spans], ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def versions(store, dataset: str, run, pipeline_definition: dict | None) -> dict:
    """A plain dict of versions and hashes for the report (run: a RunRecord or None)."""
    from phi_core.extractors.rules import RECOGNIZERS, VERSION

    parts = (pipeline_definition or {}).get("parts") or []
    phases = []
    frame = store.phases()
    for part in parts:
        if part == "rules":
            continue
        phase = part.rsplit(":", 1)[-1]
        rows = frame[frame["number"].astype(str) == phase] if not frame.empty else frame
        for _, row in rows.iterrows():
            phases.append(
                {"part": part, "phase_key": row["phase_key"], "version": int(row["version"]), "hash": row["hash"]}
            )
    provenance = (run.provenance if run else {}) or {}
    return {
        "project": project_version(),
        "rules": VERSION,
        "recognizers": list(RECOGNIZERS),
        "pipeline_definition": pipeline_definition,
        "phases": phases,
        "run_id": run.run_id if run else None,
        "run_created_at": str(run.created_at) if run and run.created_at else None,
        "part_runs": provenance.get("part_runs"),
        "dataset_digest": dataset_digest(store.reports(dataset)),
    }
