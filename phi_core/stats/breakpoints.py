"""Breakpoint models: candidate thresholds and their least-squares fit, vectorised.

Each model scores every candidate threshold c at once (and, for the
permutation test, many gain vectors at once): ``sse`` takes gains of shape
(P, n) and returns residual sums of squares of shape (C, P).
"Below" always means x < c and "above" means x >= c.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

# Grid points added between the outermost allowed breakpoints (segmented fit).
GRID_POINTS = 201


@dataclass(frozen=True)
class BreakpointFit:
    threshold: float
    sse: float
    # Range of thresholds that fit exactly as well (a step fit cannot tell
    # apart any c between the two models either side of the gap).
    low_edge: float
    high_edge: float
    params: dict[str, float] = field(default_factory=dict)


def allowed(candidates: np.ndarray, x_sorted: np.ndarray, min_per_side: int) -> np.ndarray:
    """Keep thresholds that leave at least ``min_per_side`` models on each side."""
    below = np.searchsorted(x_sorted, candidates, side="left")
    keep = (below >= min_per_side) & (x_sorted.size - below >= min_per_side)
    return np.unique(candidates[keep])


def midpoints(x_sorted: np.ndarray) -> np.ndarray:
    unique = np.unique(x_sorted)
    return (unique[1:] + unique[:-1]) / 2


class BreakpointModel(Protocol):
    description: str

    def candidates(self, x_sorted: np.ndarray, min_per_side: int) -> np.ndarray: ...

    def sse(self, x: np.ndarray, gains: np.ndarray, candidates: np.ndarray) -> np.ndarray: ...

    def fit_at(self, x: np.ndarray, y: np.ndarray, threshold: float, sse: float) -> BreakpointFit: ...


class SegmentedModel:
    """Continuous hinge y = a + b1*x + b2*max(0, x - c)."""

    description = "continuous two-segment line (hinge) y = a + b1*x + b2*max(0, x - c)"

    def candidates(self, x_sorted: np.ndarray, min_per_side: int) -> np.ndarray:
        n = x_sorted.size
        if n < 2 * min_per_side:
            return np.empty(0)
        low, high = x_sorted[min_per_side - 1], x_sorted[n - min_per_side]
        grid = np.linspace(low, high, GRID_POINTS) if high > low else np.empty(0)
        return allowed(np.concatenate([midpoints(x_sorted), grid]), x_sorted, min_per_side)

    def sse(self, x: np.ndarray, gains: np.ndarray, candidates: np.ndarray) -> np.ndarray:
        # Profile out the shared line a + b1*x: with Q an orthonormal basis of
        # [1, x], SSE(c) = |r_y|^2 - (r_h . r_y)^2 / |r_h|^2, r = residual after Q.
        q, _ = np.linalg.qr(np.column_stack([np.ones_like(x), x]))
        resid_y = gains - (gains @ q) @ q.T
        hinge = np.maximum(0.0, x[None, :] - candidates[:, None])
        resid_h = hinge - (hinge @ q) @ q.T
        cross = resid_h @ resid_y.T
        norm = np.einsum("ij,ij->i", resid_h, resid_h)
        usable = norm > 1e-10 * np.maximum(1.0, np.einsum("ij,ij->i", hinge, hinge))
        gain = np.where(usable[:, None], cross**2 / np.where(usable, norm, 1.0)[:, None], 0.0)
        return np.einsum("ij,ij->i", resid_y, resid_y)[None, :] - gain

    def fit_at(self, x: np.ndarray, y: np.ndarray, threshold: float, sse: float) -> BreakpointFit:
        design = np.column_stack([np.ones_like(x), x, np.maximum(0.0, x - threshold)])
        (a, b1, b2), *_ = np.linalg.lstsq(design, y, rcond=None)
        params = {
            "intercept": float(a),
            "slope_below": float(b1),
            "slope_above": float(b1 + b2),
            "slope_change": float(b2),
            "gain_at_threshold": float(a + b1 * threshold),
        }
        return BreakpointFit(float(threshold), float(sse), float(threshold), float(threshold), params)


class StepModel:
    """Two flat groups: mean gain below c and mean gain at or above c."""

    description = "two groups split at c, each with its own mean gain (step)"

    def candidates(self, x_sorted: np.ndarray, min_per_side: int) -> np.ndarray:
        # Any c inside the same gap gives the same split, so one midpoint per gap suffices.
        return allowed(midpoints(x_sorted), x_sorted, min_per_side)

    def sse(self, x: np.ndarray, gains: np.ndarray, candidates: np.ndarray) -> np.ndarray:
        centred = gains - gains.mean(axis=1, keepdims=True)  # SSE is shift-invariant; avoids cancellation
        below = (x[None, :] < candidates[:, None]).astype(float)
        n_below = below.sum(axis=1)[:, None]
        n_above = x.size - n_below
        sum_below = below @ centred.T
        sq_below = below @ (centred**2).T
        sum_above = -sum_below  # centred rows sum to zero
        sq_above = (centred**2).sum(axis=1)[None, :] - sq_below
        return (sq_below - sum_below**2 / n_below) + (sq_above - sum_above**2 / n_above)

    def fit_at(self, x: np.ndarray, y: np.ndarray, threshold: float, sse: float) -> BreakpointFit:
        below = x < threshold
        params = {"gain_below": float(y[below].mean()), "gain_above": float(y[~below].mean())}
        return BreakpointFit(float(threshold), float(sse), float(x[below].max()), float(x[~below].min()), params)


BREAKPOINT_MODELS: dict[str, BreakpointModel] = {
    "segmented": SegmentedModel(),
    "split": StepModel(),
}


def best_fit(model: BreakpointModel, x: np.ndarray, y: np.ndarray, min_per_side: int) -> BreakpointFit | None:
    """Least-squares breakpoint for one data set; None when no threshold is allowed."""
    candidates = model.candidates(np.sort(x), min_per_side)
    if candidates.size == 0:
        return None
    sse = model.sse(x, y[None, :], candidates)[:, 0]
    best = int(np.argmin(sse))
    return model.fit_at(x, y, float(candidates[best]), float(max(sse[best], 0.0)))


def best_thresholds_per_gain_vector(
    model: BreakpointModel, x: np.ndarray, gains: np.ndarray, min_per_side: int
) -> np.ndarray:
    """Best threshold for each row of ``gains`` (shape (P, n)), same x for all rows."""
    candidates = model.candidates(np.sort(x), min_per_side)
    return candidates[np.argmin(model.sse(x, gains, candidates), axis=0)]
