"""Vectorised percentile bootstrap of means.

Resample indices are drawn as one (n_boot, n) integer matrix per chunk, so the
work is a handful of numpy calls instead of a Python loop over resamples.
Chunking bounds memory when there are many reports.
"""

from __future__ import annotations

import numpy as np

NAN_CI: tuple[float, float] = (float("nan"), float("nan"))

# Upper bound on gathered elements per chunk (~32 MB of float64).
_MAX_ELEMENTS_PER_CHUNK = 4_000_000


def bootstrap_means(columns: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Means of ``n_boot`` row-resamples of ``columns`` (shape (n, k)) -> shape (n_boot, k).

    All columns share the same resampled rows, which keeps paired data paired.
    """
    columns = np.asarray(columns, dtype=float)
    if columns.ndim == 1:
        columns = columns[:, None]
    n, k = columns.shape
    chunk = max(1, _MAX_ELEMENTS_PER_CHUNK // max(1, n * k))
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
