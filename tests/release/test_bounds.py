"""Bounds against scipy's exact binomial interval, and the sample-size advice."""

import numpy as np
import pytest
from scipy.stats import binomtest

from phi_core.release.bounds import (
    cp_lower,
    cp_upper,
    documents_for_share,
    rate_bound,
    rate_floor,
    share_bound,
)


@pytest.mark.parametrize("k,n", [(0, 10), (0, 299), (1, 50), (3, 120), (17, 400), (49, 50), (50, 50)])
def test_exact_one_sided_bounds_match_scipy(k, n):
    # A two-sided 90% Clopper-Pearson interval has the one-sided 95% bounds at its ends.
    ci = binomtest(k, n).proportion_ci(confidence_level=0.90, method="exact")
    assert cp_upper(k, n) == pytest.approx(ci.high, abs=1e-12)
    assert cp_lower(k, n) == pytest.approx(ci.low, abs=1e-12)


def test_rule_of_three_and_reference_values():
    assert cp_upper(0, 299) < 0.01 < cp_upper(0, 298)
    assert documents_for_share(0.0, 0.01) == 299
    assert cp_upper(0, 100) == pytest.approx(1 - 0.05 ** (1 / 100))
    assert documents_for_share(0.02, 0.01) is None  # observed above the limit: no sample size shows a pass


def test_unweighted_share_is_the_plain_binomial_and_weights_move_the_estimate():
    flags = [True] * 5 + [False] * 95
    plain = share_bound(flags)
    assert plain.estimate == 0.05 and plain.upper == pytest.approx(cp_upper(5, 100))
    kinds = ["a"] * 50 + ["b"] * 50
    flags = [True] * 5 + [False] * 45 + [False] * 50  # all leaks in kind a
    weighted = share_bound(flags, kinds, {"a": 9000, "b": 1000})
    assert weighted.estimate == pytest.approx(0.9 * 0.1)
    assert weighted.n_effective <= 100 and weighted.upper > weighted.estimate


def test_rate_bound_never_says_zero_without_evidence():
    leaked, gold = [0] * 40, [50] * 40
    floor = rate_floor(leaked, gold, [2] * 40, cp_upper(0, 40))
    bound = rate_bound(leaked, gold, floor=floor)
    assert bound.estimate == 0 and bound.upper == pytest.approx(cp_upper(0, 40) / 2)


def test_rate_bound_covers_the_estimate_and_is_reproducible():
    rng = np.random.default_rng(1)
    gold = rng.integers(20, 80, 300)
    leaked = (rng.random(300) < 0.05) * 5
    a = rate_bound(leaked, gold, seed=3)
    b = rate_bound(leaked, gold, seed=3)
    assert a == b and a.lower <= a.estimate <= a.upper
