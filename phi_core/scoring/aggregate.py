"""Pool many report scores into one summary of a run (model x phase x split).

Dimension means are means of per-report points. Strict and relaxed
precision/recall/F1 are pooled over spans (micro) or averaged over categories
(macro). A rate whose denominator is zero is None (not measured), never a
made-up 0 or 1; docs/scoring.md lists each rule.
"""

from __future__ import annotations

from collections import defaultdict
from operator import itemgetter
from typing import Sequence

import numpy as np

from phi_core.scoring.bootstrap import bootstrap_ci
from phi_core.scoring.config import DIMENSIONS
from phi_core.scoring.report import ReportScore
from phi_core.scoring.report_breakdown import CATEGORY_COUNTERS

MODES: tuple[str, ...] = ("strict", "relaxed")


def prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall, F1; None where a denominator is zero.

    F1 is 0 when one side is defined and the other is not (something was
    predicted but nothing was there, or something was there but nothing
    predicted); None only when there was nothing at all.
    """
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    if precision is None and recall is None:
        return None, None, None
    if precision is None or recall is None or precision + recall == 0:
        return precision, recall, 0.0
    return precision, recall, 2 * precision * recall / (precision + recall)


def aggregate(
    scores: Sequence[ReportScore],
    *,
    n_boot: int = 1000,
    seed: int = 0,
    seconds: Sequence[float | None] | None = None,
) -> dict:
    """Summary of a set of report scores (keys documented in docs/scoring.md)."""
    if seconds is not None and len(seconds) != len(scores):
        raise ValueError(
            f"aggregate got {len(seconds)} timings for {len(scores)} reports; pass one (or None) per report."
        )
    n = len(scores)
    composite = np.fromiter((s.score for s in scores), dtype=float, count=n)
    summary: dict = {
        "n_reports": n,
        "score": float(composite.mean()) if n else None,
        "score_ci": list(bootstrap_ci(composite, n_boot=n_boot, seed=seed)) if n else None,
    }
    summary.update(_dimension_means(scores))

    categories, pooled = _pooled_category_counts(scores)
    for mode in MODES:
        p, r, f1 = prf(pooled[f"{mode}_tp"], pooled[f"{mode}_fp"], pooled[f"{mode}_fn"])
        summary[f"{mode}_precision"], summary[f"{mode}_recall"], summary[f"{mode}_f1"] = p, r, f1
    per_category = {cat: _category_row(row) for cat, row in categories.items()}
    for mode in MODES:
        supported = [row[f"{mode}_f1"] for row in per_category.values() if row["support"] > 0]
        summary[f"{mode}_macro_f1"] = float(np.mean(supported)) if supported else None

    gold_chars = sum(s.counts.get("gold_chars", 0) for s in scores)
    leaked = sum(s.counts.get("leaked_chars", 0) for s in scores)
    summary["char_leak_rate"] = leaked / gold_chars if gold_chars else None
    summary["per_category"] = per_category
    summary["per_script"] = _per_script(scores)
    summary["rescaled_reports"] = sum(1 for s in scores if s.rescaled)
    summary.update(_timing(scores, seconds))
    return summary


def _dimension_means(scores: Sequence[ReportScore]) -> dict[str, float | None]:
    """Mean points per dimension over the reports where it was measured."""
    points_of = itemgetter(*DIMENSIONS)
    # numpy turns None (unmeasured) into NaN, which nanmean then skips.
    table = np.array([points_of(s.points) for s in scores], dtype=float).reshape(len(scores), len(DIMENSIONS))
    measured = ~np.isnan(table)
    sums = np.where(measured, table, 0.0).sum(axis=0)
    counts = measured.sum(axis=0)
    return {name: float(sums[i] / counts[i]) if counts[i] else None for i, name in enumerate(DIMENSIONS)}


def _pooled_category_counts(scores: Sequence[ReportScore]) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """Category counters summed over reports, and the same pooled over categories."""
    counters_of = itemgetter(*CATEGORY_COUNTERS)
    index: dict[str, int] = {}  # category -> row, in first-seen order
    groups: list[int] = []
    flat: list[int] = []  # counters row after row; a flat list converts fastest
    for s in scores:
        for cat, row in s.per_category.items():
            groups.append(index.setdefault(cat, len(index)))
            flat.extend(counters_of(row))
    if not groups:
        return {}, dict.fromkeys(CATEGORY_COUNTERS, 0)
    # One bincount per counter instead of a Python loop over every cell.
    values = np.array(flat, dtype=np.int64).reshape(len(groups), len(CATEGORY_COUNTERS))
    group = np.array(groups, dtype=np.int64)
    totals = np.stack(
        [np.bincount(group, weights=values[:, j], minlength=len(index)) for j in range(values.shape[1])], axis=1
    ).astype(np.int64)
    categories = {cat: dict(zip(CATEGORY_COUNTERS, map(int, totals[i]))) for cat, i in index.items()}
    pooled = dict(zip(CATEGORY_COUNTERS, map(int, totals.sum(axis=0))))
    return categories, pooled


def _category_row(row: dict[str, int]) -> dict:
    out: dict = {}
    for mode in MODES:
        p, r, f1 = prf(row[f"{mode}_tp"], row[f"{mode}_fp"], row[f"{mode}_fn"])
        out[f"{mode}_p"], out[f"{mode}_r"], out[f"{mode}_f1"] = p, r, f1
    out["support"] = row["support"]
    return out


def _per_script(scores: Sequence[ReportScore]) -> dict[str, dict]:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for s in scores:
        for script, row in s.per_script.items():
            acc = totals[script]
            acc[0] += row["found"]
            acc[1] += row["total"]
    return {
        script: {"found": found, "total": total, "recall": found / total if total else None}
        for script, (found, total) in totals.items()
    }


def _timing(scores: Sequence[ReportScore], seconds: Sequence[float | None] | None) -> dict:
    """Mean seconds per report and pooled seconds per 100 input tokens."""
    if seconds is None:
        seconds = [s.counts.get("seconds") for s in scores]
    timed = [t for t in seconds if t is not None]
    with_tokens = [
        (s.counts["seconds"], s.counts["input_tokens"])
        for s in scores
        if s.counts.get("seconds") is not None and s.counts.get("input_tokens")
    ]
    token_total = sum(tokens for _, tokens in with_tokens)
    return {
        "mean_seconds": float(np.mean(timed)) if timed else None,
        "timed_reports": len(timed),
        "sec_per_100_tokens": (sum(sec for sec, _ in with_tokens) / token_total * 100 if token_total else None),
    }
