"""Phase progression: per-report scores by phase, phase means, and paired phase gains."""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from phi_core.scoring.bootstrap import grouped_bootstrap_ci
from phi_core.analysis.labels import NO_PHASE, run_label, series_name
from phi_core.stats import phase_transitions
from phi_core.stats.paired import natural_key
from phi_core.store import Store

PHASE_SCORE_COLUMNS = ("backend", "model", "phase", "run_id", "report_id", "score")
MEAN_COLUMNS = ("model", "phase", "mean", "lo", "hi", "n")
GAIN_COLUMNS = (
    "from_phase",
    "to_phase",
    "n",
    "mean_diff",
    "ci_lo",
    "ci_hi",
    "cohens_d",
    "t_p",
    "wilcoxon_p",
    "p_holm_t",
    "p_holm_wilcoxon",
)
_PAIR_SEPARATOR = "\x1f"  # joins (series, report id) into one pairing key


def phase_scores(
    store: Store, dataset: str, split: str | None = None, *, phases: Sequence[str] | None = None
) -> pd.DataFrame:
    """backend, model, phase, run_id, report_id, score (+ seconds, series, label) of the
    newest scored run per (backend, model, phase), of ``phases`` only when given.
    Runs without a phase (the rule-based extractor) are left out: they have no progression."""
    frame = store.phase_report_scores(dataset, split, phases=phases)
    frame = frame[~frame["phase"].astype(str).isin(NO_PHASE)].reset_index(drop=True)
    # Name each run once, not each of its reports.
    runs = frame[["run_id", "backend", "model", "phase"]].drop_duplicates("run_id")
    names = pd.DataFrame(
        {
            "run_id": runs["run_id"],
            "series": [series_name(b, m) for b, m in zip(runs["backend"], runs["model"])],
            "label": [run_label(b, m, p) for b, m, p in zip(runs["backend"], runs["model"], runs["phase"])],
        }
    )
    frame = frame.merge(names, on="run_id", how="left")
    return frame[[*PHASE_SCORE_COLUMNS, "seconds", "series", "label"]]


def _phase_order(phases: pd.Series) -> list[str]:
    return sorted(set(phases.astype(str).unique()), key=natural_key)


def phase_means(store: Store, dataset: str, split: str | None = None, *, n_boot: int = 1000) -> pd.DataFrame:
    """model, phase, mean, lo, hi, n (+ backend, series): mean score per model and phase,
    with a percentile bootstrap CI over reports (seed 0, like the leaderboard)."""
    scores = phase_scores(store, dataset, split)
    keys, groups = [], []
    for key, part in scores.groupby(["backend", "model", "phase", "series"], sort=False):
        keys.append(key)
        groups.append(part["score"].to_numpy(dtype=float))
    # One report gives no interval (bootstrap_ci would say (x, x)).
    bounds = grouped_bootstrap_ci([g if g.size >= 2 else g[:0] for g in groups], n_boot=n_boot, seed=0)
    rows = [
        (model, phase, float(values.mean()), lo, hi, int(values.size), backend, series)
        for (backend, model, phase, series), values, (lo, hi) in zip(keys, groups, bounds)
    ]
    frame = pd.DataFrame(rows, columns=[*MEAN_COLUMNS, "backend", "series"])
    order = {p: i for i, p in enumerate(_phase_order(frame["phase"]))}
    frame["_order"] = frame["phase"].map(order)
    return frame.sort_values(["series", "_order"]).drop(columns="_order").reset_index(drop=True)


def phase_gains(
    store: Store, dataset: str, split: str | None = None, *, model: str | None = None, n_boot: int = 1000
) -> pd.DataFrame:
    """One row per consecutive phase step, paired over reports.

    With ``model`` (a model name or a series name such as "llamacpp:gemma3"),
    only that model; otherwise all models pooled, pairing each report of a
    model with the same report of the same model. Holm adjusts the p-values
    across the steps in the frame. ci_lo/ci_hi is the bootstrap interval of
    the mean difference (ci_t_lo/ci_t_hi the t interval).
    """
    scores = phase_scores(store, dataset, split)
    if model is not None:
        scores = scores[(scores["model"] == model) | (scores["series"] == model)]
    columns = [*GAIN_COLUMNS, "ci_t_lo", "ci_t_hi", "mean_before", "mean_after", "n_models", "ok", "reason"]
    phases = _phase_order(scores["phase"])
    if len(phases) < 2:
        return pd.DataFrame(columns=columns)
    # Plain object arrays: iterating pandas' Arrow-backed strings is far slower.
    keys = (scores["series"] + _PAIR_SEPARATOR + scores["report_id"].astype(str)).to_numpy(dtype=object)
    values = scores["score"].to_numpy(dtype=float)
    phase_of = scores["phase"].astype(str).to_numpy(dtype=object)
    by_phase = {phase: dict(zip(keys[phase_of == phase], values[phase_of == phase])) for phase in phases}
    steps = list(zip(phases, phases[1:]))
    pairs = scores[["phase", "series"]].drop_duplicates()
    models_in = {phase: set(pairs.loc[pairs["phase"] == phase, "series"]) for phase in phases}
    results = phase_transitions(by_phase, steps, n_boot=n_boot)
    rows = []
    for step in results:
        r = step.result
        rows.append(
            (
                step.from_phase,
                step.to_phase,
                r.n,
                r.mean_diff,
                *r.diff_ci_boot,
                r.cohens_d,
                r.t_p,
                r.wilcoxon_p,
                step.p_holm_t,
                step.p_holm_wilcoxon,
                *r.diff_ci_t,
                r.mean_before,
                r.mean_after,
                len(models_in[step.from_phase] & models_in[step.to_phase]),
                r.ok,
                r.reason,
            )
        )
    return pd.DataFrame(rows, columns=columns)
