"""Which runs a leaderboard shows, and the leaderboard row of report scores that are not stored.

The stored runs' leaderboard (pages and the `leaderboard` command) is
phi_core.analysis.leaderboard; :func:`leaderboard_row` serves `score` and the
run summary, which score reports that are not in the store's analysis tables.
"""

from __future__ import annotations

from typing import Any, Sequence

from phi_core.scoring import ReportScore, aggregate
from phi_core.store import RunRecord, Store

LEADERBOARD_KEYS = (
    "backend",
    "model",
    "phase",
    "n_reports",
    "score",
    "score_ci",
    "recall",
    "precision",
    "boundary_fidelity",
    "information_purity",
    "category_classification",
    "rule_adherence",
    "stability",
    "efficiency",
    "strict_f1",
    "relaxed_f1",
    "char_leak_rate",
    "sec_per_report",
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


def leaderboard_row(
    scores: Sequence[ReportScore], *, seconds: Sequence[float] | None = None, n_boot: int = 1000
) -> dict[str, Any]:
    """The leaderboard keys for one set of report scores (also used by `score`)."""
    agg = aggregate(scores, n_boot=n_boot, seconds=seconds)
    secs = [s for s in (seconds or []) if s is not None and s == s]
    row = {key: agg.get(key) for key in LEADERBOARD_KEYS if key in agg}
    row["n_reports"] = agg["n_reports"]
    row["sec_per_report"] = sum(secs) / len(secs) if secs else None
    for key in (
        "strict_precision",
        "strict_recall",
        "relaxed_precision",
        "relaxed_recall",
        "strict_macro_f1",
        "relaxed_macro_f1",
        "rescaled_reports",
        "per_category",
        "per_script",
    ):
        if key in agg:
            row[key] = agg[key]
    return row
