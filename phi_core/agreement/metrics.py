"""Inter-annotator agreement on span layers: pure functions over numbers.

Definitions (each computed per category and over all categories):

* exact span F1 = 2·|A∩B| / (|A|+|B|) over (start, end, category) triples;
* overlap span F1: a span of A is found when B has a span of the same category
  sharing at least one character (and vice versa); recall = found A / |A|,
  precision = found B / |B|, F1 = 2PR/(P+R);
* character-level Cohen's kappa: every character of a report gets the category
  of the span covering it (the earliest, then longest, span when a layer
  overlaps itself) or "none"; per category the labels are "this category" or
  not;
* Krippendorff's alpha (nominal) over the same character labels, every
  annotator of a report at once (the ``krippendorff`` package gives the value).

Two empty layers agree perfectly (1.0). Figures are pooled over reports (and
over annotator pairs for the overall F1 and kappa), so their bootstrap
resamples reports: every figure is a function of per-report sums, and the mean
of resampled sums is computed by phi_core.scoring.bootstrap.
"""

from __future__ import annotations

from itertools import combinations
from typing import Iterable, Mapping, Sequence

import krippendorff
import numpy as np

Triple = tuple[int, int, str]
NONE = 0  # the label of characters outside every span


def char_labels(length: int, spans: Iterable[Triple], codes: Mapping[str, int]) -> np.ndarray:
    """One integer per character: 0 outside spans, else the category's code."""
    labels = np.zeros(length, dtype=np.int32)
    # Later spans must not overwrite earlier ones: paint in reverse priority.
    ordered = sorted(spans, key=lambda t: (t[0], -(t[1] - t[0])))
    for start, end, category in reversed(ordered):
        labels[max(0, start) : min(length, end)] = codes[category]
    return labels


def span_counts(a: Sequence[Triple], b: Sequence[Triple]) -> np.ndarray:
    """[|A∩B|, |A|+|B|, A found by overlap, |A|, B found by overlap, |B|] for one pair of layers."""
    set_a, set_b = set(a), set(b)
    found_a = sum(1 for s in set_a if _overlaps_any(s, set_b))
    found_b = sum(1 for s in set_b if _overlaps_any(s, set_a))
    return np.array(
        [len(set_a & set_b), len(set_a) + len(set_b), found_a, len(set_a), found_b, len(set_b)], dtype=float
    )


def _overlaps_any(span: Triple, others: Iterable[Triple]) -> bool:
    start, end, category = span
    return any(c == category and s < end and start < e for s, e, c in others)


def exact_f1_from(counts: np.ndarray) -> np.ndarray:
    """Exact F1 from summed span_counts (last axis); works on a block of resamples."""
    both, total = counts[..., 0], counts[..., 1]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, 2 * both / np.where(total > 0, total, 1), 1.0)


def overlap_f1_from(counts: np.ndarray) -> np.ndarray:
    found_a, n_a, found_b, n_b = counts[..., 2], counts[..., 3], counts[..., 4], counts[..., 5]
    with np.errstate(invalid="ignore", divide="ignore"):
        recall = np.where(n_a > 0, found_a / np.where(n_a > 0, n_a, 1), 0.0)
        precision = np.where(n_b > 0, found_b / np.where(n_b > 0, n_b, 1), 0.0)
        f1 = np.where(
            precision + recall > 0,
            2 * precision * recall / np.where(precision + recall > 0, precision + recall, 1),
            0.0,
        )
    return np.where((n_a == 0) & (n_b == 0), 1.0, f1)


def confusion(a: np.ndarray, b: np.ndarray, k: int) -> np.ndarray:
    """k x k counts of (label in A, label in B) over characters."""
    return np.bincount(a.astype(np.int64) * k + b, minlength=k * k).reshape(k, k).astype(float)


def kappa_from(matrix: np.ndarray) -> np.ndarray:
    """Cohen's kappa from (a block of) k x k confusion matrices; 1.0 when both sides use one label only."""
    total = matrix.sum(axis=(-2, -1))
    safe = np.where(total > 0, total, 1)
    observed = np.trace(matrix, axis1=-2, axis2=-1) / safe
    expected = (matrix.sum(axis=-1) * matrix.sum(axis=-2)).sum(axis=-1) / safe**2
    with np.errstate(invalid="ignore", divide="ignore"):
        kappa = (observed - expected) / (1 - expected)
    return np.where(np.isclose(expected, 1.0), np.where(np.isclose(observed, 1.0), 1.0, 0.0), kappa)


def coincidences(value_counts: np.ndarray) -> np.ndarray:
    """Krippendorff's coincidence matrix (values x values) of units given as per-value coder counts."""
    counts = np.asarray(value_counts, dtype=float)
    pairable = counts.sum(axis=1)
    keep = pairable >= 2
    counts, pairable = counts[keep], pairable[keep]
    if counts.size == 0:
        return np.zeros((value_counts.shape[1], value_counts.shape[1]))
    weights = 1.0 / (pairable - 1)
    matrix = np.einsum("u,uc,uk->ck", weights, counts, counts)
    matrix -= np.diag((counts * weights[:, None]).sum(axis=0))
    return matrix


def alpha_from(matrix: np.ndarray) -> np.ndarray:
    """Nominal alpha from (a block of) coincidence matrices; 1.0 when nothing disagrees."""
    totals = matrix.sum(axis=-1)
    n = totals.sum(axis=-1)
    off = 1 - np.eye(matrix.shape[-1])
    observed = (matrix * off).sum(axis=(-2, -1))
    expected = ((totals[..., :, None] * totals[..., None, :]) * off).sum(axis=(-2, -1)) / np.where(n > 1, n - 1, 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        alpha = 1 - observed / expected
    return np.where(expected > 0, alpha, np.where(observed == 0, 1.0, np.nan))


def krippendorff_alpha(value_counts: np.ndarray) -> float:
    """Nominal alpha by the krippendorff package; 1.0 when only one value occurs (nothing can disagree)."""
    counts = np.asarray(value_counts, dtype=float)
    counts = counts[counts.sum(axis=1) >= 2]
    used = counts.sum(axis=0) > 0
    if counts.size == 0 or used.sum() < 2:
        return 1.0
    return float(krippendorff.alpha(value_counts=counts[:, used], level_of_measurement="nominal"))


def value_counts(labels: Sequence[np.ndarray], k: int) -> np.ndarray:
    """units (characters) x k: how many annotators gave each label."""
    stacked = np.stack(labels)
    return np.stack([(stacked == value).sum(axis=0) for value in range(k)], axis=1)


def pairs(annotators: Iterable[str]) -> list[tuple[str, str]]:
    return list(combinations(sorted(annotators), 2))
