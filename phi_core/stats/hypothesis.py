"""scipy tests wrapped so that degenerate inputs give defined answers.

scipy returns NaN (with warnings) or raises when values do not vary or when a
group is too small. Pages need a number or a clear "not run", so each wrapper
handles those cases itself with the rules documented in docs/statistics.md:

* all differences zero / both groups identical -> statistic 0, p = 1.0
* no variation but a non-zero shift -> statistic +-inf, p = 0.0 (t-tests only;
  rank tests still give their exact p-value)
* too few values -> statistic and p are NaN and the name says why
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np
from scipy import stats

from ._json import JsonResult
from .effect import clean, is_constant

NAN = float("nan")


@dataclass(frozen=True)
class StatTest(JsonResult):
    name: str
    stat: float
    p: float


@dataclass(frozen=True)
class StatTestPair(JsonResult):
    """A parametric test and its rank-based counterpart on the same question."""

    parametric: StatTest
    rank: StatTest


def _quiet(test, *args, **kwargs):
    # Small samples make scipy warn about normal approximations; the numbers are
    # still what we want and the docs explain the caveat once.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        warnings.simplefilter("ignore", UserWarning)
        return test(*args, **kwargs)


def _degenerate_shift(mean: float, alternative: str) -> tuple[float, float]:
    if mean == 0.0:
        return 0.0, 1.0
    stat = math.copysign(math.inf, mean)
    if alternative == "greater":
        return stat, 0.0 if mean > 0 else 1.0
    if alternative == "less":
        return stat, 0.0 if mean < 0 else 1.0
    return stat, 0.0


def paired_t(after, before, alternative: str = "two-sided") -> StatTest:
    """scipy.stats.ttest_rel(after, before): positive t means after > before."""
    name = "paired t-test"
    a, b = np.asarray(after, float), np.asarray(before, float)
    d = clean(a - b)
    if d.size < 2:
        return StatTest(f"{name} (not run: fewer than 2 pairs)", NAN, NAN)
    if is_constant(d):
        stat, p = _degenerate_shift(float(d[0]), alternative)
        return StatTest(name, stat, p)
    res = _quiet(stats.ttest_rel, a, b, alternative=alternative)
    return StatTest(name, float(res.statistic), float(res.pvalue))


def one_sample_t(values, alternative: str = "two-sided") -> StatTest:
    name = "one-sample t-test" + ("" if alternative == "two-sided" else f" ({alternative})")
    v = clean(values)
    if v.size < 2:
        return StatTest(f"{name} (not run: fewer than 2 values)", NAN, NAN)
    if is_constant(v):
        stat, p = _degenerate_shift(float(v[0]), alternative)
        return StatTest(name, stat, p)
    res = _quiet(stats.ttest_1samp, v, 0.0, alternative=alternative)
    return StatTest(name, float(res.statistic), float(res.pvalue))


def signed_rank(diffs, alternative: str = "two-sided") -> StatTest:
    """Wilcoxon signed-rank test, zero_method="wilcox" (zero differences dropped).

    Statistic as scipy reports it: two-sided -> the smaller of the positive and
    negative rank sums; one-sided -> the positive rank sum.
    """
    name = "Wilcoxon signed-rank" + ("" if alternative == "two-sided" else f" ({alternative})")
    d = clean(diffs)
    if d.size == 0:
        return StatTest(f"{name} (not run: no values)", NAN, NAN)
    if not np.any(d != 0.0):
        return StatTest(name, 0.0, 1.0)
    res = _quiet(stats.wilcoxon, d, zero_method="wilcox", alternative=alternative)
    return StatTest(name, float(res.statistic), float(res.pvalue))


def welch_t(first, second) -> StatTest:
    name = "Welch t-test (two-sided)"
    a, b = clean(first), clean(second)
    if a.size < 2 or b.size < 2:
        return StatTest(f"{name} (not run: each group needs at least 2 values)", NAN, NAN)
    if is_constant(a) and is_constant(b):
        stat, p = _degenerate_shift(float(a[0] - b[0]), "two-sided")
        return StatTest(name, stat, p)
    res = _quiet(stats.ttest_ind, a, b, equal_var=False)
    return StatTest(name, float(res.statistic), float(res.pvalue))


def mann_whitney(first, second) -> StatTest:
    name = "Mann-Whitney U (two-sided)"
    a, b = clean(first), clean(second)
    if a.size < 1 or b.size < 1:
        return StatTest(f"{name} (not run: a group is empty)", NAN, NAN)
    if is_constant(np.concatenate([a, b])):
        return StatTest(name, a.size * b.size / 2, 1.0)
    res = _quiet(stats.mannwhitneyu, a, b, alternative="two-sided")
    return StatTest(name, float(res.statistic), float(res.pvalue))
