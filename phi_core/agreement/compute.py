"""Agreement over a set of doubly (or more) annotated reports, with bootstrap CIs.

Input is plain data (one :class:`Unit` per report: its length and each
annotator's (start, end, category) triples), output a JSON-ready dict with
``overall``, ``by_category`` and ``pairs``; each figure block holds
``exact_f1``, ``overlap_f1``, ``kappa``, ``alpha`` and ``n_reports``, and
``ci`` with a (low, high) interval for each figure (overall and per category).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from phi_core.agreement import metrics as m
from phi_core.scoring.bootstrap import bootstrap_means, percentile_interval
from phi_core.taxonomy import CATEGORY_CODES

FIGURES = ("exact_f1", "overlap_f1", "kappa", "alpha")


@dataclass(frozen=True)
class Unit:
    report_id: str
    length: int
    layers: Mapping[str, Sequence[m.Triple]] = field(default_factory=dict)


def category_order(units: Iterable[Unit]) -> list[str]:
    """Categories that occur, in taxonomy order (unknown codes last, sorted)."""
    seen = {t[2] for u in units for spans in u.layers.values() for t in spans}
    known = [c for c in CATEGORY_CODES if c in seen]
    return known + sorted(seen - set(known))


# The krippendorff package builds a units x values x values array; above this many cells the same
# alpha comes from the summed coincidence matrices instead (equal by test), to bound memory and time.
PACKAGE_CELL_LIMIT = 4_000_000


class _Scope:
    """Per-report sums for one scope (all categories, or one) so figures and resamples share them."""

    def __init__(self, k: int, *, keep_units: bool):
        self.k = k
        self.keep_units = keep_units
        self.rows: list[np.ndarray] = []
        self.value_counts: list[np.ndarray] = []
        self.present = 0

    def add(
        self,
        span_counts: np.ndarray,
        confusion: np.ndarray,
        coincidence: np.ndarray,
        value_counts: np.ndarray | None,
        present: bool,
    ) -> None:
        self.rows.append(np.concatenate([span_counts, confusion.ravel(), coincidence.ravel()]))
        if self.keep_units and value_counts is not None:
            self.value_counts.append(value_counts)
        self.present += int(present)

    def _point_alpha(self, coincidence_sum: np.ndarray) -> float:
        units = sum(len(v) for v in self.value_counts)
        if self.keep_units and units and units * self.k * self.k <= PACKAGE_CELL_LIMIT:
            return m.krippendorff_alpha(np.concatenate(self.value_counts))
        return float(m.alpha_from(coincidence_sum))

    def figures(self, sums: np.ndarray) -> dict[str, np.ndarray]:
        k2 = self.k * self.k
        confusion = sums[..., 6 : 6 + k2].reshape(*sums.shape[:-1], self.k, self.k)
        coincidence = sums[..., 6 + k2 :].reshape(*sums.shape[:-1], self.k, self.k)
        return {
            "exact_f1": m.exact_f1_from(sums[..., :6]),
            "overlap_f1": m.overlap_f1_from(sums[..., :6]),
            "kappa": m.kappa_from(confusion),
            "alpha": m.alpha_from(coincidence),
        }

    def result(self, *, n_boot: int, seed: int, level: float, n_reports: int) -> dict[str, Any]:
        if not self.rows:
            return {**{f: None for f in FIGURES}, "n_reports": 0, "ci": {f: [None, None] for f in FIGURES}}
        table = np.stack(self.rows)
        sums = table.sum(axis=0)
        point = {name: float(value) for name, value in self.figures(sums).items()}
        # The point alpha comes from the krippendorff package; the resamples from the same coincidences.
        point["alpha"] = self._point_alpha(sums[6 + self.k * self.k :].reshape(self.k, self.k))
        out: dict[str, Any] = {**point, "n_reports": n_reports}
        if n_boot > 0 and len(table) >= 2:
            means = bootstrap_means(table, n_boot, np.random.default_rng(seed))
            resampled = self.figures(means * len(table))
            out["ci"] = {name: list(percentile_interval(resampled[name], 1 - level)) for name in FIGURES}
        else:
            out["ci"] = {name: [None, None] for name in FIGURES}
        return out


def _labels(unit: Unit, annotator: str, codes: Mapping[str, int], category: str | None = None) -> np.ndarray:
    spans = unit.layers[annotator]
    if category is None:
        return m.char_labels(unit.length, spans, codes)
    return m.char_labels(unit.length, [t for t in spans if t[2] == category], {category: 1})


def _fill(scope: _Scope, unit: Unit, annotators: Sequence[str], codes: Mapping[str, int], category: str | None) -> None:
    spans = {a: [t for t in unit.layers[a] if category is None or t[2] == category] for a in annotators}
    present = any(spans[a] for a in annotators)
    if not present and category is not None:
        # Nobody marked this category: every character agrees on "not this category".
        n = float(unit.length)
        pairs = len(m.pairs(annotators))
        agree = np.array([[n * pairs, 0.0], [0.0, 0.0]])
        coincidence = np.array([[n * len(annotators), 0.0], [0.0, 0.0]])
        counts = np.zeros((unit.length, 2))
        counts[:, 0] = len(annotators)
        scope.add(np.zeros(6), agree, coincidence, counts, present)
        return
    labels = {a: _labels(unit, a, codes, category) for a in annotators}
    span_sum = np.zeros(6)
    confusion = np.zeros((scope.k, scope.k))
    for a, b in m.pairs(annotators):
        span_sum += m.span_counts(spans[a], spans[b])
        confusion += m.confusion(labels[a], labels[b], scope.k)
    counts = (
        m.value_counts([labels[a] for a in annotators], scope.k) if (scope.keep_units or len(annotators) != 2) else None
    )
    # With two annotators the coincidence matrix is the confusion matrix plus its transpose.
    coincidence = confusion + confusion.T if len(annotators) == 2 else m.coincidences(counts)
    scope.add(span_sum, confusion, coincidence, counts, present)


def _block(
    units: Sequence[Unit],
    annotators_of,
    categories: Sequence[str],
    *,
    n_boot: int,
    seed: int,
    level: float,
    keep_units: bool = True,
) -> dict[str, Any]:
    codes = {c: i + 1 for i, c in enumerate(categories)}
    overall = _Scope(len(categories) + 1, keep_units=keep_units)
    per_category = {c: _Scope(2, keep_units=keep_units) for c in categories}
    for unit in units:
        annotators = annotators_of(unit)
        _fill(overall, unit, annotators, codes, None)
        for c in categories:
            _fill(per_category[c], unit, annotators, codes, c)
    return {
        "overall": overall.result(n_boot=n_boot, seed=seed, level=level, n_reports=len(units)),
        "by_category": {
            c: s.result(n_boot=n_boot, seed=seed, level=level, n_reports=s.present) for c, s in per_category.items()
        },
    }


def compute_agreement(
    units: Iterable[Unit], *, n_boot: int = 1000, seed: int = 0, level: float = 0.95
) -> dict[str, Any]:
    """Agreement of every report annotated by two or more people, overall, per category and per pair."""
    units = [u for u in units if len(u.layers) >= 2]
    categories = category_order(units)
    result = _block(units, lambda u: sorted(u.layers), categories, n_boot=n_boot, seed=seed, level=level)
    annotators = sorted({a for u in units for a in u.layers})
    result["annotators"] = annotators
    result["pairs"] = []
    for a, b in m.pairs(annotators):
        shared = [u for u in units if a in u.layers and b in u.layers]
        if not shared:
            continue
        block = _block(
            shared, lambda u, pair=(a, b): list(pair), categories, n_boot=0, seed=seed, level=level, keep_units=False
        )
        result["pairs"].append({"a": a, "b": b, **block})
    result["ci_level"] = level
    result["n_boot"] = n_boot
    return result


def agreement_with(
    reference: Mapping[str, Sequence[m.Triple]], layers: Mapping[str, Sequence[m.Triple]], lengths: Mapping[str, int]
) -> dict[str, float]:
    """One annotator against a reference (e.g. the adjudicated gold): exact F1 and kappa, no CIs."""
    units = [
        Unit(rid, lengths[rid], {"layer": layers[rid], "reference": reference[rid]})
        for rid in layers
        if rid in reference and rid in lengths
    ]
    if not units:
        return {"exact_f1": float("nan"), "kappa": float("nan"), "n_reports": 0}
    block = _block(
        units, lambda u: ["layer", "reference"], category_order(units), n_boot=0, seed=0, level=0.95, keep_units=False
    )
    return {"exact_f1": block["overall"]["exact_f1"], "kappa": block["overall"]["kappa"], "n_reports": len(units)}
