"""Effect sizes and t-based intervals for a single sample of values."""

from __future__ import annotations

import math

import numpy as np
from scipy import stats

from phi_core.scoring.bootstrap import NAN_CI

# Differences are rounded to this many decimals before any test so that float
# noise (84.63 - 80.10 vs 4.53) does not create fake non-zero values or ranks.
DECIMALS = 9


def clean(values) -> np.ndarray:
    return np.round(np.asarray(values, dtype=float), DECIMALS)


def is_constant(values: np.ndarray) -> bool:
    return values.size > 0 and float(np.ptp(values)) == 0.0


def cohens_dz(diffs) -> float:
    """Paired effect size dz = mean(d) / sd(d) with sd using n - 1.

    Rules when the differences do not vary (sd == 0): 0.0 if they are all
    zero, +inf or -inf if they are all the same non-zero value. NaN when
    fewer than 2 differences.
    """
    d = clean(diffs)
    if d.size < 2:
        return float("nan")
    mean = float(d.mean())
    if is_constant(d):
        return 0.0 if mean == 0.0 else math.copysign(math.inf, mean)
    return mean / float(d.std(ddof=1))


def t_interval(values, alpha: float = 0.05) -> tuple[float, float]:
    """Two-sided (1 - alpha) t interval for the mean; (m, m) when sd == 0."""
    v = clean(values)
    if v.size < 2:
        return NAN_CI
    mean = float(v.mean())
    if is_constant(v):
        return mean, mean
    half = stats.t.ppf(1 - alpha / 2, v.size - 1) * v.std(ddof=1) / math.sqrt(v.size)
    return mean - float(half), mean + float(half)
