"""Leaderboard frames: measured runs, and the study's reported rows kept apart.

The one source of leaderboard numbers, for the pages and the `leaderboard`
command alike: pooled in SQL from the analysis tables (not from every
report's details JSON), equal to scoring.aggregate over the same reports
(tested), so the page stays fast with many runs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from phi_core.analysis.errors import worst_styles
from phi_core.analysis.labels import run_label
from phi_core.dimensions import DIMENSIONS
from phi_core.scoring import prf
from phi_core.scoring.bootstrap import grouped_bootstrap_ci
from phi_core.store import Store

MEASURED = "measured"
REPORTED = "reported by the paper"
DEFAULT_REFERENCE = "GPT-4.1"

LEADERBOARD_COLUMNS = (
    "backend",
    "model",
    "phase",
    "run_id",
    "label",
    "n_reports",
    "repeats",
    "score",
    "score_lo",
    "score_hi",
    *DIMENSIONS,
    "strict_f1",
    "relaxed_f1",
    "char_leak_rate",
    "sec_per_report",
    "sec_per_100_tokens",
    "pct_of_reference",
    "source",
)
# Extra columns after the contract's ones.
_EXTRA_COLUMNS = (
    "strict_precision",
    "strict_recall",
    "relaxed_precision",
    "relaxed_recall",
    "dataset",
    "split",
    "invalid_calls",
    "rescaled_reports",
    "worst_style",
    "worst_style_leak_rate",
)
# Put after the label of a run with calls that cannot be trusted (phi_core/violations.py: VALIDITY).
INVALID_MARK = "⚠"
_REFERENCE_EXTRA = ("source_table", "kind", "stage", "note")


def reference_score(store: Store, name: str = DEFAULT_REFERENCE) -> float | None:
    """The study's reported overall score of ``name`` (93.56 for GPT-4.1).

    None when no reported numbers are loaded; a name the table does not hold
    is a user mistake and raises ValueError listing the names it does hold.
    """
    table = store.reference_scores()
    if table.empty:
        return None
    rows = table[table["model"].str.casefold() == name.casefold()].dropna(subset=["overall"])
    if rows.empty:
        known = ", ".join(sorted(set(table.loc[table["kind"] != "aggregate", "model"])))
        raise ValueError(f"the study reports no overall score for {name!r}; choose one of: {known}")
    # A model reported in several tables: its latest phase is its headline number.
    return float(rows.sort_values(["phase", "source_table"]).iloc[-1]["overall"])


def _percent_of(scores: pd.Series, reference: float | None) -> pd.Series:
    if reference is None or not reference:
        return pd.Series(np.nan, index=scores.index)
    return scores.astype(float) / reference * 100


def leaderboard_frame(
    store: Store, dataset: str, split: str | None = None, *, reference: str = DEFAULT_REFERENCE, n_boot: int = 1000
) -> pd.DataFrame:
    """One row per measured (backend, model, phase): its newest scored run, best score first.

    score_lo/score_hi: percentile bootstrap over the run's reports (seed 0,
    the same draws as scoring.bootstrap_ci); n_boot=0 skips it.
    """
    return runs_frame(store, store.latest_scored_runs(dataset, split), reference=reference, n_boot=n_boot)


def runs_frame(
    store: Store, runs: pd.DataFrame, *, reference: str = DEFAULT_REFERENCE, n_boot: int = 1000
) -> pd.DataFrame:
    """Leaderboard rows of the given runs (run_id, dataset, split, backend, model, phase, repeats).

    The one computation behind the Leaderboard page, `leaderboard --json`,
    `run --json` (a single run) and the figures.
    """
    if runs.empty:
        return pd.DataFrame(columns=[*LEADERBOARD_COLUMNS, *_EXTRA_COLUMNS])
    run_ids = list(runs["run_id"])
    frame = runs[["run_id", "dataset", "split", "backend", "model", "phase", "repeats"]].merge(
        store.run_score_summary(run_ids), on="run_id", how="left"
    )
    frame["label"] = [run_label(b, m, p) for b, m, p in zip(frame["backend"], frame["model"], frame["phase"])]
    frame = frame.join(_score_intervals(store, run_ids, n_boot), on="run_id")
    frame = frame.join(_pooled_rates(frame))
    timings = store.run_timings(run_ids)
    frame["sec_per_100_tokens"] = [timings.get(r, {}).get("sec_per_100_tokens") for r in frame["run_id"]]
    frame["pct_of_reference"] = _percent_of(frame["score"], reference_score(store, reference))
    # Robustness by document style: the style whose PHI characters leak most (None without styles).
    frame = frame.merge(worst_styles(store, run_ids), on="run_id", how="left")
    frame["source"] = MEASURED
    checks = store.run_validity(run_ids)
    frame["invalid_calls"] = [sum(checks[r]["validity"].values()) for r in frame["run_id"]]
    frame["label"] = [
        f"{label} {INVALID_MARK}{n}" if n else label for label, n in zip(frame["label"], frame["invalid_calls"])
    ]
    frame = frame.sort_values(["score", "label"], ascending=[False, True], kind="stable")
    return frame[[*LEADERBOARD_COLUMNS, *_EXTRA_COLUMNS]].reset_index(drop=True)


def without_invalid_runs(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows whose run had no call that cannot be trusted (a truncated prompt, a changed model...)."""
    if "invalid_calls" not in frame:
        return frame
    return frame[frame["invalid_calls"].fillna(0) == 0].reset_index(drop=True)


def _score_intervals(store: Store, run_ids: list[str], n_boot: int) -> pd.DataFrame:
    scores = store.run_report_scores(run_ids)
    groups = {run_id: part["score"].to_numpy(dtype=float) for run_id, part in scores.groupby("run_id", sort=False)}
    bounds = grouped_bootstrap_ci(list(groups.values()), n_boot=n_boot, seed=0)
    return pd.DataFrame(bounds, index=list(groups), columns=["score_lo", "score_hi"])


def _pooled_rates(frame: pd.DataFrame) -> pd.DataFrame:
    """Micro precision/recall/F1 over spans and the character leak rate, per run."""
    out = pd.DataFrame(index=frame.index)
    for mode in ("strict", "relaxed"):
        counts = frame[[f"{mode}_tp", f"{mode}_fp", f"{mode}_fn"]].fillna(0).astype(int).to_numpy()
        rates = [prf(tp, fp, fn) for tp, fp, fn in counts]
        out[f"{mode}_precision"] = [r[0] for r in rates]
        out[f"{mode}_recall"] = [r[1] for r in rates]
        out[f"{mode}_f1"] = [r[2] for r in rates]
    gold = frame["gold_chars"].astype(float)
    out["char_leak_rate"] = (frame["leaked_chars"].astype(float) / gold).where(gold > 0)
    return out.astype(float)


def reference_frame(store: Store, *, reference: str = DEFAULT_REFERENCE) -> pd.DataFrame:
    """The study's reported rows (never mixed into measured rankings), best first."""
    table = store.reference_scores()
    columns = [*LEADERBOARD_COLUMNS, *_REFERENCE_EXTRA]
    if table.empty:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(
        {
            "backend": "paper",
            "model": table["model"],
            "phase": [None if pd.isna(p) else str(int(p)) for p in table["phase"]],
            "run_id": None,
            "score": table["overall"].astype(float),
            **{d: table[d].astype(float) for d in DIMENSIONS},
            "sec_per_100_tokens": table["sec_per_100_tokens"].astype(float),
            **{c: table[c] for c in _REFERENCE_EXTRA if c != "source_table"},
            "source_table": table["source_table"],
        }
    )
    frame["label"] = [_reported_label(m, p, s) for m, p, s in zip(frame["model"], frame["phase"], frame["stage"])]
    frame["pct_of_reference"] = _percent_of(frame["score"], reference_score(store, reference))
    frame["source"] = REPORTED
    frame = frame.reindex(columns=columns)
    return frame.sort_values("score", ascending=False, kind="stable").reset_index(drop=True)


def _reported_label(model: str, phase: str | None, stage: str | None) -> str:
    # The stage keeps "before/after self-refine" rows of one model apart.
    name = f"{model}, {stage}" if isinstance(stage, str) and stage.strip() else model
    return f"{name} (paper, p{phase})" if phase else f"{name} (paper)"


def pareto_mask(frame: pd.DataFrame, *, x: str = "sec_per_report", y: str = "score") -> pd.Series:
    """True for rows no other row beats: at least as fast and as good, and better in one.

    Rows missing x or y are never on the front.
    """
    xs = pd.to_numeric(frame[x], errors="coerce").to_numpy(dtype=float)
    ys = pd.to_numeric(frame[y], errors="coerce").to_numpy(dtype=float)
    usable = np.isfinite(xs) & np.isfinite(ys)
    fx, fy = xs[usable], ys[usable]
    # dominated[i, j]: row j is at least as good as row i on both and strictly better on one.
    no_worse = (fx[None, :] <= fx[:, None]) & (fy[None, :] >= fy[:, None])
    better = (fx[None, :] < fx[:, None]) | (fy[None, :] > fy[:, None])
    on_front = ~(no_worse & better).any(axis=1)
    mask = np.zeros(len(frame), dtype=bool)
    mask[np.flatnonzero(usable)] = on_front
    return pd.Series(mask, index=frame.index, name="pareto")
