"""Estimate the score above which a step (e.g. Self-Refine) stops paying off.

Input is one point per model: x = mean score before the step, y = mean gain
from it. The breakpoint is fitted by least squares (models in breakpoints.py),
its CI comes from a bootstrap over models, and a permutation test asks whether
the gain depends on x at all, accounting for the fact that the split was chosen
to fit these very data (the Welch / Mann-Whitney p-values do not).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ._json import JsonResult
from phi_core.scoring.bootstrap import NAN_CI, percentile_interval
from .breakpoints import BREAKPOINT_MODELS, BreakpointModel, best_fit, best_thresholds_per_gain_vector
from .effect import t_interval
from .hypothesis import (
    StatTest,
    StatTestPair,
    mann_whitney,
    one_sample_t,
    signed_rank,
    welch_t,
)

NAN = float("nan")


@dataclass(frozen=True)
class GroupStats(JsonResult):
    """Models on one side of the threshold; ci is a t interval over models."""

    n: int
    mean_gain: float
    ci: tuple[float, float]


EMPTY_GROUP = GroupStats(0, NAN, NAN_CI)
_NOT_RUN = StatTest("not run", NAN, NAN)
_NOT_RUN_PAIR = StatTestPair(_NOT_RUN, _NOT_RUN)


@dataclass(frozen=True)
class ThresholdEstimate(JsonResult):
    ok: bool
    reason: str
    method: str
    threshold: float
    threshold_ci: tuple[float, float]
    n_models: int
    below: GroupStats
    above: GroupStats
    test_below_positive: StatTestPair
    test_groups_differ: StatTestPair
    test_threshold_exists: StatTest
    threshold_supported: bool
    params: dict[str, float] = field(default_factory=dict)
    sse: float = NAN
    r2: float = NAN
    alpha: float = 0.05
    n_boot: int = 0
    n_boot_degenerate: int = 0
    verdict: str = ""


def format_p(p: float) -> str:
    if not np.isfinite(p):
        return "p not available"
    return "p<0.001" if p < 0.001 else f"p={p:.3f}"


def _not_estimated(method: str, n: int, reason: str, alpha: float, n_boot: int) -> ThresholdEstimate:
    return ThresholdEstimate(
        ok=False,
        reason=reason,
        method=method,
        threshold=NAN,
        threshold_ci=NAN_CI,
        n_models=n,
        below=EMPTY_GROUP,
        above=EMPTY_GROUP,
        test_below_positive=_NOT_RUN_PAIR,
        test_groups_differ=_NOT_RUN_PAIR,
        test_threshold_exists=_NOT_RUN,
        threshold_supported=False,
        alpha=alpha,
        n_boot=n_boot,
        verdict=f"No threshold estimate: {reason}.",
    )


def _group(gains: np.ndarray, alpha: float) -> GroupStats:
    return GroupStats(int(gains.size), float(gains.mean()), t_interval(gains, alpha))


def _bootstrap_threshold(
    model: BreakpointModel,
    x: np.ndarray,
    y: np.ndarray,
    n_boot: int,
    min_per_side: int,
    rng: np.random.Generator,
    alpha: float,
) -> tuple[tuple[float, float], int]:
    """Percentile CI over model resamples.

    Resamples with too few distinct scores for any allowed threshold, or with
    identical gains, are counted as degenerate and left out. The CI runs from
    the alpha/2 percentile of the lowest equally good
    threshold to the 1-alpha/2 percentile of the highest (identical for the
    hinge; the whole gap between two models for the step).
    """
    rows = rng.integers(0, x.size, size=(n_boot, x.size))
    low_edges, high_edges = [], []
    for row in rows:
        if float(np.ptp(y[row])) == 0.0:
            continue  # identical gains say nothing about where a threshold lies
        fit = best_fit(model, x[row], y[row], min_per_side)
        if fit is not None:
            low_edges.append(fit.low_edge)
            high_edges.append(fit.high_edge)
    degenerate = n_boot - len(low_edges)
    if not low_edges:
        return NAN_CI, degenerate
    low, _ = percentile_interval(np.array(low_edges), alpha)
    _, high = percentile_interval(np.array(high_edges), alpha)
    return (low, high), degenerate


def _side_difference(x: np.ndarray, gains: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """|mean gain below - mean gain at or above| for each row of gains at its own threshold."""
    below = x[None, :] < thresholds[:, None]
    n_below = below.sum(axis=1)
    sum_below = np.where(below, gains, 0.0).sum(axis=1)
    sum_above = gains.sum(axis=1) - sum_below
    return np.abs(sum_below / n_below - sum_above / (x.size - n_below))


def _permutation_test(
    model: BreakpointModel,
    x: np.ndarray,
    y: np.ndarray,
    threshold: float,
    n_perm: int,
    min_per_side: int,
    rng: np.random.Generator,
) -> StatTest:
    """Is the gap between the two sides bigger than chance, threshold search included?

    Gains are shuffled between models, the threshold is refitted on each
    shuffle and the two sides' mean gains compared there, so the p-value pays
    for having picked the threshold that fits best. Shuffles keep x, so the
    candidate thresholds are shared and all shuffles are fitted in one call.
    """
    name = (
        "permutation test: difference in mean gain between the two sides, "
        "threshold refitted on gains shuffled between models"
    )
    observed = float(_side_difference(x, y[None, :], np.array([threshold]))[0])
    if float(np.ptp(y)) == 0.0:
        return StatTest(name, observed, 1.0)
    if n_perm < 1:
        return StatTest(name + " (not run: n_perm=0)", observed, NAN)
    shuffled = rng.permuted(np.tile(y, (n_perm, 1)), axis=1)
    thresholds = best_thresholds_per_gain_vector(model, x, shuffled, min_per_side)
    null = _side_difference(x, shuffled, thresholds)
    # Relative tolerance so that a shuffle reproducing the observed split counts as "as extreme".
    as_extreme = int(np.count_nonzero(null >= observed - 1e-9 * max(1.0, observed)))
    return StatTest(name, observed, (1 + as_extreme) / (1 + n_perm))


def _verdict(
    threshold: float,
    below: GroupStats,
    above: GroupStats,
    exists: StatTest,
    supported: bool,
    total_variation_zero: bool,
) -> str:
    if total_variation_zero:
        return f"No threshold: every model gained the same ({below.mean_gain:+.1f})."
    groups = (
        f"models below {threshold:.1f} gained {below.mean_gain:+.1f} on average and models at or "
        f"above it gained {above.mean_gain:+.1f}"
    )
    if supported:
        return f"Threshold near {threshold:.1f}: {groups}; a difference this large is unlikely by chance ({format_p(exists.p)})."
    return (
        f"No clear threshold: {groups}, but gains shuffled at random between models give a "
        f"difference at least this large {exists.p:.0%} of the time ({format_p(exists.p)}). {threshold:.1f} is only the best split "
        "of these models, not evidence of a cut-off."
    )


def estimate_threshold(
    x: Sequence[float],
    y: Sequence[float],
    *,
    method: str = "segmented",
    n_boot: int = 2000,
    seed: int = 0,
    min_points: int = 5,
    min_per_side: int = 2,
    alpha: float = 0.05,
    n_perm: int | None = None,
) -> ThresholdEstimate:
    """Fit a threshold to (score before the step, gain) points, one per model.

    Models with a missing x or y are left out. Returns ``ok=False`` with a
    plain-words reason when too few models remain; raises ValueError only for
    programming mistakes (unknown method, mismatched lengths, bad settings).
    """
    if method not in BREAKPOINT_MODELS:
        raise ValueError(f"unknown threshold method {method!r}; choose one of: {', '.join(BREAKPOINT_MODELS)}")
    if min_per_side < 1:
        raise ValueError(f"min_per_side must be at least 1, got {min_per_side}")
    xs, ys = np.asarray(list(x), dtype=float), np.asarray(list(y), dtype=float)
    if xs.shape != ys.shape:
        raise ValueError(f"x has {xs.size} values but y has {ys.size}: give one score and one gain per model")
    keep = np.isfinite(xs) & np.isfinite(ys)
    xs, ys = xs[keep], ys[keep]
    n = int(xs.size)
    needed = max(min_points, 2 * min_per_side)
    if n < needed:
        have = "no model has" if n == 0 else ("only 1 model has" if n == 1 else f"only {n} models have")
        return _not_estimated(
            method, n, f"{have} both phases; at least {needed} are needed to estimate a threshold", alpha, n_boot
        )

    model = BREAKPOINT_MODELS[method]
    fit = best_fit(model, xs, ys, min_per_side)
    if fit is None:
        reason = (
            f"the {n} models' scores before the step take too few distinct values to leave "
            f"{min_per_side} models on each side of any threshold"
        )
        return _not_estimated(method, n, reason, alpha, n_boot)

    boot_rng, perm_rng = (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(2))
    threshold_ci, degenerate = _bootstrap_threshold(model, xs, ys, n_boot, min_per_side, boot_rng, alpha)
    exists = _permutation_test(
        model, xs, ys, fit.threshold, n_boot if n_perm is None else n_perm, min_per_side, perm_rng
    )

    is_below = xs < fit.threshold
    below_gains, above_gains = ys[is_below], ys[~is_below]
    below, above = _group(below_gains, alpha), _group(above_gains, alpha)
    total = float(((ys - ys.mean()) ** 2).sum())
    supported = bool(np.isfinite(exists.p) and exists.p < alpha)
    return ThresholdEstimate(
        ok=True,
        reason="",
        method=method,
        threshold=fit.threshold,
        threshold_ci=threshold_ci,
        n_models=n,
        below=below,
        above=above,
        test_below_positive=StatTestPair(
            one_sample_t(below_gains, alternative="greater"),
            signed_rank(below_gains, alternative="greater"),
        ),
        test_groups_differ=StatTestPair(welch_t(below_gains, above_gains), mann_whitney(below_gains, above_gains)),
        test_threshold_exists=exists,
        threshold_supported=supported,
        params=fit.params,
        sse=fit.sse,
        r2=1 - fit.sse / total if total > 0 else NAN,
        alpha=alpha,
        n_boot=n_boot,
        n_boot_degenerate=degenerate,
        verdict=_verdict(fit.threshold, below, above, exists, supported, total == 0.0),
    )
