"""Leaderboard rows: one per (backend, model, phase), from stored report scores."""

from __future__ import annotations

import json
from typing import Any, Sequence

from phi_core.scoring import ReportScore, aggregate
from phi_core.store import RunRecord, Store

LEADERBOARD_KEYS = (
    "backend", "model", "phase", "n_reports", "score", "score_ci", "recall", "precision", "boundary_fidelity",
    "information_purity", "category_classification", "rule_adherence", "stability", "efficiency", "strict_f1",
    "relaxed_f1", "char_leak_rate", "sec_per_report",
)


def latest_runs(store: Store, dataset: str, split: str | None = None) -> list[RunRecord]:
    """The newest scored run of each (backend, model, phase) on this dataset and split."""
    chosen: dict[tuple[str, str, str], RunRecord] = {}
    scored = set(store.scored_run_ids())
    for run in store.runs(dataset):
        if run.split != split or run.run_id not in scored:
            continue
        chosen[(run.backend, run.model, run.phase)] = run  # runs come oldest first
    return list(chosen.values())


def leaderboard(store: Store, dataset: str, split: str | None = None, *, n_boot: int = 1000) -> list[dict[str, Any]]:
    runs = latest_runs(store, dataset, split)
    if not runs:
        return []
    frame = store.report_scores([r.run_id for r in runs])
    results = store.run_timings([r.run_id for r in runs])
    rows = []
    for run in runs:
        part = frame[frame["run_id"] == run.run_id]
        scores = [ReportScore.from_dict(json.loads(d)) for d in part["details"]]
        row = leaderboard_row(scores, seconds=list(part["seconds"]), n_boot=n_boot)
        timing = results.get(run.run_id, {})
        row.update(
            backend=run.backend, model=run.model, phase=run.phase, run_id=run.run_id, dataset=run.dataset,
            split=run.split, repeats=run.repeats, status=run.status,
            sec_per_100_tokens=timing.get("sec_per_100_tokens"),
        )
        rows.append(row)
    rows.sort(key=lambda r: -(r["score"] or 0))
    return rows


def leaderboard_row(scores: Sequence[ReportScore], *, seconds: Sequence[float] | None = None,
                    n_boot: int = 1000) -> dict[str, Any]:
    """The leaderboard keys for one set of report scores (also used by `score`)."""
    agg = aggregate(scores, n_boot=n_boot, seconds=seconds)
    secs = [s for s in (seconds or []) if s is not None and s == s]
    row = {key: agg.get(key) for key in LEADERBOARD_KEYS if key in agg}
    row["n_reports"] = agg["n_reports"]
    row["sec_per_report"] = sum(secs) / len(secs) if secs else None
    for key in ("strict_precision", "strict_recall", "relaxed_precision", "relaxed_recall", "strict_macro_f1",
                "relaxed_macro_f1", "rescaled_reports", "per_category", "per_script"):
        if key in agg:
            row[key] = agg[key]
    return row
