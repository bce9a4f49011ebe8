"""Leaderboard rows as JSON records: `leaderboard --json`, `run --json` and `score`.

Stored runs take their numbers from analysis.leaderboard.runs_frame (the
page's own computation); `score`, whose reports are never stored, pools the
same keys with scoring.aggregate, whose interval comes from the same
bootstrap (scoring/bootstrap.py, seed 0, 1000 resamples).
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import pandas as pd

from phi_core.analysis.leaderboard import leaderboard_frame, runs_frame
from phi_core.dimensions import DIMENSIONS
from phi_core.scoring import ReportScore, aggregate, prf
from phi_core.store import Store

N_BOOT = 1000

# The command line's JSON row: its keys and their order (kept stable for scripts).
RECORD_KEYS = (
    "n_reports",
    "score",
    "score_ci",
    *DIMENSIONS,
    "strict_f1",
    "relaxed_f1",
    "char_leak_rate",
    "sec_per_report",
    "strict_precision",
    "strict_recall",
    "relaxed_precision",
    "relaxed_recall",
    "strict_macro_f1",
    "relaxed_macro_f1",
    "rescaled_reports",
    "invalid_calls",
    "worst_style",
    "worst_style_leak_rate",
    "per_category",
    "per_script",
    "backend",
    "model",
    "phase",
    "run_id",
    "dataset",
    "split",
    "repeats",
    "status",
    "sec_per_100_tokens",
)
# The keys a set of report scores gives on its own (no run behind it).
SCORE_KEYS = tuple(k for k in RECORD_KEYS[: RECORD_KEYS.index("invalid_calls")]) + ("sec_per_100_tokens",)


def leaderboard_records(store: Store, dataset: str, split: str | None = None, *, n_boot: int = N_BOOT) -> list[dict]:
    """leaderboard_frame's rows as plain JSON-ready dicts, with per-category and per-script detail."""
    return _records(store, leaderboard_frame(store, dataset, split, n_boot=n_boot))


def run_record(store: Store, run_id: str, *, n_boot: int = N_BOOT) -> dict | None:
    """One stored run's leaderboard record (None when it has no scored report).

    The same numbers `leaderboard --json` gives for this run when it is the
    newest of its (backend, model, phase).
    """
    runs = store.run_identities([run_id])
    if runs.empty or store.run_report_scores([run_id]).empty:
        return None
    records = _records(store, runs_frame(store, runs, n_boot=n_boot))
    return records[0] if records else None


def leaderboard_row(
    scores: Sequence[ReportScore], *, seconds: Sequence[float] | None = None, n_boot: int = N_BOOT
) -> dict[str, Any]:
    """The record keys of one set of report scores that are not stored (the `score` command)."""
    agg = aggregate(scores, n_boot=n_boot, seconds=seconds)
    secs = [s for s in (seconds or []) if s is not None and s == s]
    row = {key: agg.get(key) for key in SCORE_KEYS}
    row["sec_per_report"] = sum(secs) / len(secs) if secs else None
    return row


def _records(store: Store, frame: pd.DataFrame) -> list[dict]:
    if frame.empty:
        return []
    run_ids = list(frame["run_id"])
    categories = _per_category(store.category_totals(run_ids))
    scripts = _per_script(store.script_totals(run_ids))
    status = {r.run_id: r.status for dataset in set(frame["dataset"]) for r in store.runs(dataset)}
    records = []
    for row in frame.to_dict("records"):
        run_id = row["run_id"]
        per_category = categories.get(run_id, {})
        record = {key: _plain(row.get(key)) for key in RECORD_KEYS if key in row}
        record["n_reports"] = int(row["n_reports"])
        record["score_ci"] = [_plain(row["score_lo"]), _plain(row["score_hi"])]
        for mode in ("strict", "relaxed"):
            supported = [c[f"{mode}_f1"] for c in per_category.values() if c["support"] > 0]
            record[f"{mode}_macro_f1"] = float(np.mean(supported)) if supported else None
        record["rescaled_reports"] = int(row["rescaled_reports"] or 0)
        record["per_category"] = per_category
        record["per_script"] = scripts.get(run_id, {})
        record["status"] = status.get(run_id)
        records.append({key: record.get(key) for key in RECORD_KEYS})
    return records


def _plain(value):
    """numpy scalars and NaN as JSON would have them."""
    if value is None:
        return None
    if isinstance(value, (np.floating, float)):
        return None if np.isnan(value) else float(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


def _per_category(totals: pd.DataFrame) -> dict[str, dict[str, dict]]:
    out: dict[str, dict[str, dict]] = {}
    for row in totals.itertuples(index=False):
        entry: dict = {}
        for mode in ("strict", "relaxed"):
            tp, fp, fn = (int(getattr(row, f"{mode}_{c}")) for c in ("tp", "fp", "fn"))
            entry[f"{mode}_p"], entry[f"{mode}_r"], entry[f"{mode}_f1"] = prf(tp, fp, fn)
        entry["support"] = int(row.support)
        out.setdefault(row.run_id, {})[row.category] = entry
    return out


def _per_script(totals: pd.DataFrame) -> dict[str, dict[str, dict]]:
    out: dict[str, dict[str, dict]] = {}
    for row in totals.itertuples(index=False):
        found, total = int(row.found), int(row.total)
        out.setdefault(row.run_id, {})[row.script] = {
            "found": found,
            "total": total,
            "recall": found / total if total else None,
        }
    return out
