"""One-sided bounds for leak figures, and the sample size that would decide a limit (pure functions).

Shares of documents (leaking anything, leaking one category) are binomial:
the exact Clopper-Pearson bound. When the documents are a stratified sample
of an archive, the share is the kind-weighted estimate and its bound the
Korn-Graubard form of Clopper-Pearson: the exact bound at the effective
sample size ``p(1-p) / var(p)`` (never more than the documents there are).

Character rates are ratios (leaked PHI characters over PHI characters) whose
characters come in documents, so they are bounded by a bootstrap over
documents (within each kind when weighted). A bootstrap cannot see a leak
it never saw: with no leaking document every resample gives 0. So the bound
is never below a floor: the document bound on "leaks anything" times the
share of a leaking document's PHI characters that leak (observed; with no
leak yet, one category's share of a document's PHI characters).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
from scipy.stats import beta

CONFIDENCE = 0.95
N_BOOT = 2000
MAX_NEEDED = 10_000_000


def cp_upper(k: float, n: float, confidence: float = CONFIDENCE) -> float:
    """Exact one-sided upper bound of a binomial share (k may be fractional: an effective count)."""
    if n <= 0:
        return 1.0
    if k >= n:
        return 1.0
    return float(beta.ppf(confidence, k + 1, n - k))


def cp_lower(k: float, n: float, confidence: float = CONFIDENCE) -> float:
    if n <= 0 or k <= 0:
        return 0.0
    return float(beta.ppf(1 - confidence, k, n - k + 1))


@dataclass(frozen=True)
class Bound:
    estimate: float | None
    lower: float
    upper: float
    n: int  # documents
    n_effective: float  # documents the bound is worth (a weighted share: fewer)

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("estimate", "lower", "upper", "n", "n_effective")}


def _groups(kinds: Sequence[str] | None, n: int) -> dict[str, np.ndarray]:
    labels = list(kinds) if kinds is not None else [""] * n
    out: dict[str, list[int]] = {}
    for i, k in enumerate(labels):
        out.setdefault(k, []).append(i)
    return {k: np.array(v) for k, v in out.items()}


def _weights(groups: Mapping[str, np.ndarray], kind_sizes: Mapping[str, float] | None) -> dict[str, float]:
    """Each kind's share of the archive (renormalised over the kinds that have documents)."""
    if not kind_sizes:
        total = sum(len(v) for v in groups.values())
        return {k: len(v) / total for k, v in groups.items()}
    mass = {k: float(kind_sizes.get(k, 0)) for k in groups}
    total = sum(mass.values())
    if total <= 0:
        return {k: 1 / len(groups) for k in groups}
    return {k: m / total for k, m in mass.items()}


def share_bound(
    flags: Sequence[bool],
    kinds: Sequence[str] | None = None,
    kind_sizes: Mapping[str, float] | None = None,
    confidence: float = CONFIDENCE,
) -> Bound:
    """Share of documents with the flag, with exact one-sided bounds (weighted by kind when sizes are given)."""
    x = np.asarray(flags, dtype=float)
    n = x.size
    if n == 0:
        return Bound(None, 0.0, 1.0, 0, 0.0)
    if not kind_sizes:
        k = float(x.sum())
        return Bound(k / n, cp_lower(k, n, confidence), cp_upper(k, n, confidence), n, float(n))
    groups = _groups(kinds, n)
    weights = _weights(groups, kind_sizes)
    p = sum(weights[g] * x[idx].mean() for g, idx in groups.items())
    var = sum(weights[g] ** 2 * (x[idx].var(ddof=1) / idx.size if idx.size > 1 else 0.0) for g, idx in groups.items())
    n_eff = float(n) if var <= 0 or p <= 0 or p >= 1 else min(float(n), p * (1 - p) / var)
    k_eff = p * n_eff
    return Bound(float(p), cp_lower(k_eff, n_eff, confidence), cp_upper(k_eff, n_eff, confidence), n, n_eff)


def _resampled_sums(values: np.ndarray, rng: np.random.Generator, n_boot: int) -> np.ndarray:
    n = values.shape[0]
    out = np.empty((n_boot, values.shape[1]))
    step = max(1, 2_000_000 // max(n, 1))
    for start in range(0, n_boot, step):
        size = min(step, n_boot - start)
        picks = rng.integers(0, n, size=(size, n))
        out[start : start + size] = values[picks].sum(axis=1)
    return out


def rate_bound(
    leaked: Sequence[float],
    gold: Sequence[float],
    kinds: Sequence[str] | None = None,
    kind_sizes: Mapping[str, float] | None = None,
    *,
    floor: float = 0.0,
    confidence: float = CONFIDENCE,
    n_boot: int = N_BOOT,
    seed: int = 0,
) -> Bound:
    """Leaked characters over PHI characters, with percentile-bootstrap one-sided bounds over documents.

    Weighted: each kind's documents stand for archive_size / documents of that kind.
    The upper bound is at least ``floor`` (see the module docstring).
    """
    lk = np.asarray(leaked, dtype=float)
    gd = np.asarray(gold, dtype=float)
    n = lk.size
    if n == 0 or gd.sum() <= 0:
        return Bound(None, 0.0, 1.0, n, float(n))
    groups = _groups(kinds, n)
    weights = _weights(groups, kind_sizes) if kind_sizes else {g: idx.size / n for g, idx in groups.items()}
    rng = np.random.default_rng(seed)
    num = np.zeros(n_boot)
    den = np.zeros(n_boot)
    point_num = point_den = 0.0
    for g, idx in sorted(groups.items()):
        w = weights[g] / idx.size  # each document of kind g stands for this share of the archive
        sums = _resampled_sums(np.column_stack([lk[idx], gd[idx]]), rng, n_boot)
        num += w * sums[:, 0]
        den += w * sums[:, 1]
        point_num += w * lk[idx].sum()
        point_den += w * gd[idx].sum()
    ratios = np.divide(num, den, out=np.zeros_like(num), where=den > 0)
    estimate = point_num / point_den
    upper = max(float(np.quantile(ratios, confidence)), floor, estimate)
    lower = min(float(np.quantile(ratios, 1 - confidence)), estimate)
    return Bound(float(estimate), lower, upper, n, float(n))


def rate_floor(
    leaked: Sequence[float], gold: Sequence[float], categories_per_doc: Sequence[int], doc_upper: float
) -> float:
    """The least a character-rate bound may say, from the bound on documents leaking anything (pure)."""
    lk = np.asarray(leaked, dtype=float)
    gd = np.asarray(gold, dtype=float)
    leaking = (lk > 0) & (gd > 0)
    if leaking.any():
        share = float(np.mean(lk[leaking] / gd[leaking]))
    else:
        cats = [c for c, g in zip(categories_per_doc, gd) if g > 0 and c > 0]
        share = float(np.mean([1 / c for c in cats])) if cats else 1.0
    return doc_upper * share


def documents_for_share(estimate: float | None, limit: float, design_effect: float = 1.0) -> int | None:
    """Documents needed for the exact upper bound to reach the limit if the observed share held.

    None when no number of documents would do (the share is at or above the limit).
    """
    p = estimate or 0.0
    if limit >= 1:
        return 1
    if limit <= 0 or p >= limit:
        return None

    def ok(n: int) -> bool:
        n_eff = n / design_effect
        return cp_upper(p * n_eff, n_eff) <= limit

    high = 1
    while not ok(high):
        high *= 2
        if high > MAX_NEEDED:
            return None
    low = high // 2
    while low + 1 < high:
        mid = (low + high) // 2
        low, high = (low, mid) if ok(mid) else (mid, high)
    return high


def documents_for_rate(bound: Bound, limit: float) -> int | None:
    """Documents for a bootstrap bound to reach the limit, if the observed rate held: the bound's
    distance above the estimate shrinks as one over the square root of the documents."""
    if bound.estimate is None or bound.estimate >= limit or bound.n == 0:
        return None
    gap = bound.upper - bound.estimate
    if gap <= limit - bound.estimate:
        return bound.n
    needed = bound.n * (gap / (limit - bound.estimate)) ** 2
    return min(MAX_NEEDED, math.ceil(needed))
