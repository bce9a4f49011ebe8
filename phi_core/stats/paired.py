"""Paired comparison of two phases over the same reports, and phase-to-phase tables."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ._json import JsonResult
from phi_core.scoring.bootstrap import NAN_CI, bootstrap_mean_interval
from .effect import clean, cohens_dz, t_interval
from .hypothesis import paired_t, signed_rank
from .multiple import holm_correction

NAN = float("nan")
MIN_PAIRS = 2


@dataclass(frozen=True)
class PairedResult(JsonResult):
    """Phase ``after`` minus phase ``before``, paired by report.

    ``cohens_d`` is the paired effect size dz (mean difference / sd of the
    differences); see :func:`phi_core.stats.effect.cohens_dz` for the sd == 0 rules.
    """

    ok: bool
    reason: str
    n: int
    n_nonzero: int
    mean_before: float
    mean_after: float
    mean_diff: float
    sd_diff: float
    diff_ci_t: tuple[float, float]
    diff_ci_boot: tuple[float, float]
    cohens_d: float
    t_stat: float
    t_p: float
    wilcoxon_stat: float
    wilcoxon_p: float
    alpha: float
    n_boot: int


def _finite_pairs(before: Sequence[float], after: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    b = np.asarray(list(before), dtype=float)
    a = np.asarray(list(after), dtype=float)
    if b.shape != a.shape:
        raise ValueError(
            f"'before' has {b.size} scores but 'after' has {a.size}: give one score per report "
            "in both lists, in the same report order"
        )
    keep = np.isfinite(b) & np.isfinite(a)
    return b[keep], a[keep]


def _mean(values: np.ndarray) -> float:
    return float(values.mean()) if values.size else NAN


def _not_enough(b: np.ndarray, a: np.ndarray, alpha: float, n_boot: int) -> PairedResult:
    n = int(b.size)
    reason = (
        "no report has a score in both phases; at least 2 are needed to compare them"
        if n == 0
        else "only 1 report has a score in both phases; at least 2 are needed to compare them"
    )
    diff = clean(a - b)
    return PairedResult(
        ok=False,
        reason=reason,
        n=n,
        n_nonzero=int(np.count_nonzero(diff)),
        mean_before=_mean(b),
        mean_after=_mean(a),
        mean_diff=_mean(diff),
        sd_diff=NAN,
        diff_ci_t=NAN_CI,
        diff_ci_boot=NAN_CI,
        cohens_d=NAN,
        t_stat=NAN,
        t_p=NAN,
        wilcoxon_stat=NAN,
        wilcoxon_p=NAN,
        alpha=alpha,
        n_boot=n_boot,
    )


def paired_comparison(
    before: Sequence[float],
    after: Sequence[float],
    *,
    n_boot: int = 2000,
    seed: int = 0,
    alpha: float = 0.05,
) -> PairedResult:
    """Compare two score lists paired by position (one entry per report).

    Pairs where either score is missing (NaN) are dropped before anything else.
    """
    b, a = _finite_pairs(before, after)
    if b.size < MIN_PAIRS:
        return _not_enough(b, a, alpha, n_boot)
    diff = clean(a - b)
    t = paired_t(a, b)
    w = signed_rank(diff)
    rng = np.random.default_rng(seed)
    (boot_ci,) = bootstrap_mean_interval(diff, n_boot, rng, alpha)
    return PairedResult(
        ok=True,
        reason="",
        n=int(b.size),
        n_nonzero=int(np.count_nonzero(diff)),
        mean_before=float(b.mean()),
        mean_after=float(a.mean()),
        mean_diff=float(diff.mean()),
        sd_diff=float(diff.std(ddof=1)),
        diff_ci_t=t_interval(diff, alpha),
        diff_ci_boot=boot_ci,
        cohens_d=cohens_dz(diff),
        t_stat=t.stat,
        t_p=t.p,
        wilcoxon_stat=w.stat,
        wilcoxon_p=w.p,
        alpha=alpha,
        n_boot=n_boot,
    )


@dataclass(frozen=True)
class TransitionResult(JsonResult):
    """One phase step; p-values Holm-adjusted across all steps in the same call."""

    from_phase: str
    to_phase: str
    result: PairedResult
    p_holm_t: float
    p_holm_wilcoxon: float


def natural_key(name: str) -> list:
    """Sort key so that "phase10" follows "phase9" (digits compare as numbers)."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", str(name)) if part]


def _consecutive(phases: Sequence[str]) -> list[tuple[str, str]]:
    ordered = sorted(phases, key=natural_key)
    return list(zip(ordered, ordered[1:]))


def phase_transitions(
    scores_by_phase: Mapping[str, Mapping[str, float]],
    transitions: Sequence[tuple[str, str]] | None = None,
    **kw,
) -> list[TransitionResult]:
    """Paired comparison for each (from, to) phase step over the reports both phases scored.

    ``transitions`` defaults to consecutive phases in (natural) sorted order.
    Extra keyword arguments go to :func:`paired_comparison`.
    """
    steps = list(transitions) if transitions is not None else _consecutive(list(scores_by_phase))
    for phase in {p for step in steps for p in step}:
        if phase not in scores_by_phase:
            known = ", ".join(sorted(map(str, scores_by_phase), key=natural_key)) or "none"
            raise ValueError(f"phase {phase!r} has no scores; phases with scores: {known}")
    results = []
    for source, target in steps:
        first, second = scores_by_phase[source], scores_by_phase[target]
        shared = sorted(set(first) & set(second), key=str)
        results.append(paired_comparison([first[r] for r in shared], [second[r] for r in shared], **kw))
    holm_t = holm_correction([r.t_p for r in results])
    holm_w = holm_correction([r.wilcoxon_p for r in results])
    return [TransitionResult(str(s), str(t), r, ht, hw) for (s, t), r, ht, hw in zip(steps, results, holm_t, holm_w)]
