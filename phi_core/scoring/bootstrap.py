"""Percentile bootstrap intervals: the one bootstrap module of phi-bench (numpy only).

- :func:`bootstrap_ci`: one sample, any statistic (report scores of a run).
- :func:`grouped_bootstrap_ci`: many groups at once, equal to bootstrap_ci per
  group (the leaderboard's intervals over many runs).
- :func:`bootstrap_means` / :func:`bootstrap_mean_interval`: means of several
  paired columns resampled by the same rows (phase gains, model points).

Scoring, statistics and the analysis layer all import from here, so an
interval is computed the same way wherever it is shown.
"""

from __future__ import annotations

import math
from typing import Callable, Sequence

import numpy as np

NAN_CI: tuple[float, float] = (math.nan, math.nan)

# Resampled values held in memory at once; keeps 1000 x 30,000 resamples
# from needing gigabytes while staying a handful of numpy calls.
_MAX_CELLS_PER_CHUNK = 4_000_000


def bootstrap_ci(
    values: Sequence[float] | np.ndarray,
    *,
    n_boot: int = 1000,
    seed: int = 0,
    alpha: float = 0.05,
    stat: Callable = np.mean,
) -> tuple[float, float]:
    """(low, high) of the ``1 - alpha`` percentile bootstrap interval of ``stat``.

    Resamples the values with replacement ``n_boot`` times; the same seed
    always gives the same interval. ``stat`` is called with ``axis=1`` on a
    block of resamples when it accepts it (numpy reductions do), else row by row.
    """
    data = np.asarray(values, dtype=float)
    if data.ndim != 1 or data.size == 0:
        raise ValueError("bootstrap_ci needs a non-empty flat list of numbers; got none to resample.")
    if np.isnan(data).any():
        raise ValueError("bootstrap_ci got missing values (NaN); drop them before asking for an interval.")
    if n_boot < 1:
        raise ValueError(f"n_boot is {n_boot}; ask for at least 1 bootstrap resample (1000 is usual).")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha is {alpha}; it must lie between 0 and 1 (0.05 gives a 95% interval).")

    n = data.size
    rng = np.random.default_rng(seed)
    chunk = max(1, min(n_boot, _MAX_CELLS_PER_CHUNK // n))
    index_type = np.int32 if n < 2**31 else np.int64  # int32 draws are faster
    stats = np.empty(n_boot)
    for first in range(0, n_boot, chunk):
        rows = min(chunk, n_boot - first)
        picks = rng.integers(0, n, size=(rows, n), dtype=index_type)
        stats[first : first + rows] = _rowwise(stat, data[picks])
    low, high = np.quantile(stats, [alpha / 2, 1 - alpha / 2])
    return float(low), float(high)


def _rowwise(stat: Callable, block: np.ndarray) -> np.ndarray:
    try:
        result = np.asarray(stat(block, axis=1), dtype=float)
        if result.shape == (block.shape[0],):
            return result
    except TypeError:
        pass
    return np.array([stat(row) for row in block], dtype=float)


# ------------------------------------------------------- many groups at once


def _resample_counts(n: int, n_boot: int, seed: int) -> np.ndarray:
    """(n_boot, n) matrix: how often each index appears in each of bootstrap_ci's resamples."""
    blocks: list[np.ndarray] = []

    def keep_block(block: np.ndarray, axis: int = 1) -> np.ndarray:
        blocks.append(block.astype(np.int64))  # the data are 0..n-1, so the block holds the picks
        return block.mean(axis=axis)

    bootstrap_ci(np.arange(n, dtype=float), n_boot=n_boot, seed=seed, stat=keep_block)
    picks = np.concatenate(blocks)
    # One bincount over (resample, index) cells instead of a loop over resamples.
    cells = (np.arange(n_boot, dtype=np.int64)[:, None] * n + picks).ravel()
    return np.bincount(cells, minlength=n_boot * n).reshape(n_boot, n).astype(float)


def grouped_bootstrap_ci(
    groups: Sequence[np.ndarray], *, n_boot: int = 1000, seed: int = 0, alpha: float = 0.05
) -> list[tuple[float, float]]:
    """(low, high) per group, as bootstrap_ci(values, n_boot=n_boot, seed=seed) would give.

    bootstrap_ci with a fixed seed draws the same resample indices for every
    group of the same size, so the indices are drawn once per size (through
    bootstrap_ci itself, to stay identical to it) and each group's resampled
    means come from one matrix product.

    Empty groups, groups with missing values and n_boot=0 give (nan, nan).
    """
    out: list[tuple[float, float]] = [NAN_CI] * len(groups)
    if n_boot < 1:
        return out
    by_size: dict[int, list[int]] = {}
    for i, values in enumerate(groups):
        values = np.asarray(values, dtype=float)
        if values.size and not np.isnan(values).any():
            by_size.setdefault(values.size, []).append(i)
    for n, members in by_size.items():
        if len(members) == 1:  # nothing to share: the plain function is cheaper
            out[members[0]] = bootstrap_ci(groups[members[0]], n_boot=n_boot, seed=seed, alpha=alpha)
            continue
        counts = _resample_counts(n, n_boot, seed)
        table = np.stack([np.asarray(groups[i], dtype=float) for i in members])  # (groups, n)
        means = table @ counts.T / n  # (groups, n_boot)
        bounds = np.quantile(means, [alpha / 2, 1 - alpha / 2], axis=1)
        for j, i in enumerate(members):
            out[i] = (float(bounds[0, j]), float(bounds[1, j]))
    return out


# ------------------------------------------------- paired columns of means


def bootstrap_means(columns: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Means of ``n_boot`` row-resamples of ``columns`` (shape (n, k)) -> shape (n_boot, k).

    All columns share the same resampled rows, which keeps paired data paired.
    """
    columns = np.asarray(columns, dtype=float)
    if columns.ndim == 1:
        columns = columns[:, None]
    n, k = columns.shape
    chunk = max(1, _MAX_CELLS_PER_CHUNK // max(1, n * k))
    out = np.empty((n_boot, k))
    for start in range(0, n_boot, chunk):
        stop = min(n_boot, start + chunk)
        rows = rng.integers(0, n, size=(stop - start, n))
        out[start:stop] = columns[rows].mean(axis=1)
    return out


def percentile_interval(samples: np.ndarray, alpha: float) -> tuple[float, float]:
    samples = np.asarray(samples, dtype=float)
    samples = samples[np.isfinite(samples)]
    if samples.size == 0:
        return NAN_CI
    low, high = np.percentile(samples, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(low), float(high)


def bootstrap_mean_interval(
    columns: np.ndarray, n_boot: int, rng: np.random.Generator, alpha: float
) -> list[tuple[float, float]]:
    """Percentile CI of the mean of each column; NaN intervals when n < 2."""
    columns = np.asarray(columns, dtype=float)
    if columns.ndim == 1:
        columns = columns[:, None]
    if columns.shape[0] < 2 or n_boot < 1:
        return [NAN_CI] * columns.shape[1]
    means = bootstrap_means(columns, n_boot, rng)
    return [percentile_interval(means[:, j], alpha) for j in range(columns.shape[1])]
