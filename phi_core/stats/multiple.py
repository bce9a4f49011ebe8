"""Holm-Bonferroni step-down adjustment of a family of p-values."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np


def holm_correction(p_values: Sequence[float]) -> list[float]:
    """Holm-adjusted p-values in the input order.

    Sorted ascending, the i-th smallest (i from 0) becomes
    max over j <= i of min(1, (m - j) * p_(j)), which keeps the order monotone.
    NaN entries (tests that could not run) stay NaN and do not count in m.
    """
    p = np.asarray(list(p_values), dtype=float)
    bad = p[np.isfinite(p) & ((p < 0) | (p > 1))]
    if bad.size:
        raise ValueError(
            f"p-values must lie between 0 and 1, got {bad[0]!r}: pass raw p-values, not percentages or statistics"
        )
    adjusted = np.full(p.shape, math.nan)
    present = np.flatnonzero(~np.isnan(p))
    m = present.size
    if m == 0:
        return adjusted.tolist()
    order = present[np.argsort(p[present], kind="stable")]
    scaled = np.minimum(1.0, (m - np.arange(m)) * p[order])
    adjusted[order] = np.maximum.accumulate(scaled)
    return [float(v) for v in adjusted]
