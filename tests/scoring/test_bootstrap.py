"""The one bootstrap module: its three entry points agree with each other."""

from __future__ import annotations

import math

import numpy as np
import pytest

from phi_core.scoring.bootstrap import (
    NAN_CI,
    bootstrap_ci,
    bootstrap_mean_interval,
    bootstrap_means,
    grouped_bootstrap_ci,
    percentile_interval,
)


def test_grouped_intervals_equal_one_bootstrap_per_group():
    rng = np.random.default_rng(3)
    groups = [
        rng.normal(80, 5, 30),
        rng.normal(60, 9, 30),
        rng.normal(70, 2, 12),
        np.array([]),
        np.array([1.0, math.nan]),
    ]
    got = grouped_bootstrap_ci(groups, n_boot=400, seed=0)
    for values, interval in zip(groups[:3], got[:3]):
        assert interval == pytest.approx(bootstrap_ci(values, n_boot=400, seed=0))
    assert all(math.isnan(x) for x in got[3] + got[4])
    assert all(math.isnan(x) for x in grouped_bootstrap_ci(groups[:1], n_boot=0)[0])


def test_paired_columns_share_their_resampled_rows():
    columns = np.column_stack([np.arange(20.0), np.arange(20.0) * 2])
    means = bootstrap_means(columns, 300, np.random.default_rng(0))
    assert means.shape == (300, 2)
    assert np.allclose(means[:, 1], means[:, 0] * 2)  # same rows in both columns
    (low, high), (low2, high2) = bootstrap_mean_interval(columns, 300, np.random.default_rng(0), 0.05)
    assert (low2, high2) == pytest.approx((low * 2, high * 2))
    assert low < 9.5 < high


def test_too_little_data_gives_no_interval():
    assert bootstrap_mean_interval(np.array([5.0]), 100, np.random.default_rng(0), 0.05) == [NAN_CI]
    assert all(math.isnan(x) for x in percentile_interval(np.array([math.nan]), 0.05))
    with pytest.raises(ValueError, match="non-empty"):
        bootstrap_ci([])
