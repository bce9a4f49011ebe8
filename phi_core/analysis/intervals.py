"""Bootstrap intervals of many groups' means at once, equal to scoring.bootstrap_ci per group.

bootstrap_ci with a fixed seed draws the same resample indices for every
group of the same size, so the indices are drawn once per size (through
bootstrap_ci itself, to stay identical to it) and each group's resampled
means come from one matrix product: counts of each index per resample
times the values, divided by n.
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from phi_core.scoring import bootstrap_ci

NAN_CI = (math.nan, math.nan)


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


def grouped_bootstrap_ci(groups: Sequence[np.ndarray], *, n_boot: int = 1000, seed: int = 0,
                         alpha: float = 0.05) -> list[tuple[float, float]]:
    """(low, high) per group, as bootstrap_ci(values, n_boot=n_boot, seed=seed) would give.

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
