"""The eight dimensions of a report's score, each a rule over the evidence gathered once per report.

DIMENSION_RULES maps every dimension (phi_core.dimensions) to the function
that measures it as a fraction (None: not measured); ``composite`` weighs the
fractions into points and the score out of 100. Definitions, with worked
examples, are in docs/scoring.md.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Callable, Sequence

from phi_core.models import PredictedItem, Span
from phi_core.scoring.config import DIMENSIONS, ScoringConfig
from phi_core.scoring.matching import Match, PredictedSpan
from phi_core.taxonomy import normalize_label, resolve


@dataclass(frozen=True)
class LocatedItem:
    """One de-duplicated predicted item and what we learned about it."""

    index: int
    label: str
    value: str
    known: bool
    label_key: str  # canonical category, or the normalised label when coarse/unknown
    spans: tuple[PredictedSpan, ...]
    hits_gold: bool


@dataclass
class Evidence:
    """What the dimension rules read; built once per report."""

    gold: list[Span]
    items: list[LocatedItem]  # scored (in-scope) items
    matches: list[Match | None]
    gold_found: list[bool]
    pure_chars: int
    item_chars: int
    checks: dict[str, bool]
    repeats: Sequence[Sequence[PredictedItem]]
    seconds: float | None
    input_tokens: int | None
    config: ScoringConfig


def _recall(ev: Evidence) -> float:
    if not ev.gold:
        return 1.0
    return sum(ev.gold_found) / len(ev.gold)


def _precision(ev: Evidence) -> float:
    if not ev.items:
        return 0.0 if ev.gold else 1.0
    return sum(item.hits_gold for item in ev.items) / len(ev.items)


def _over_matches(value_of: Callable[[Match], float]) -> Callable[[Evidence], float]:
    """Mean over matched gold spans, with the shared edge rules."""

    def dimension(ev: Evidence) -> float:
        matched = [m for m in ev.matches if m is not None]
        if not matched:
            return 0.0 if ev.gold else 1.0
        return sum(value_of(m) for m in matched) / len(matched)

    return dimension


def _purity(ev: Evidence) -> float:
    if ev.item_chars == 0:
        return 0.0 if ev.gold else 1.0
    return ev.pure_chars / ev.item_chars


def _rule_adherence(ev: Evidence) -> float:
    return sum(ev.checks.values()) / len(ev.checks)


def _stability(ev: Evidence) -> float | None:
    if len(ev.repeats) < 2:
        return None
    sets = [{_stability_key(item) for item in run} for run in ev.repeats]
    pairs = list(itertools.combinations(sets, 2))
    return sum(_jaccard(a, b) for a, b in pairs) / len(pairs)


def _efficiency(ev: Evidence) -> float | None:
    rate = seconds_rate(ev.seconds, ev.input_tokens, ev.config)
    if rate is None:
        return None
    actual, target = rate
    return 1.0 if actual <= 0 else min(1.0, target / actual)


# Dimension name -> rule; the keys must be exactly DIMENSIONS.
DIMENSION_RULES: dict[str, Callable[[Evidence], float | None]] = {
    "recall": _recall,
    "precision": _precision,
    "boundary_fidelity": _over_matches(lambda m: m.iou),
    "information_purity": _purity,
    "category_classification": _over_matches(lambda m: float(m.category_ok)),
    "rule_adherence": _rule_adherence,
    "stability": _stability,
    "efficiency": _efficiency,
}
assert tuple(DIMENSION_RULES) == DIMENSIONS


def _stability_key(item: PredictedItem) -> tuple[str, str]:
    return (label_key(item.category), item.value)


def _jaccard(a: set, b: set) -> float:
    union = a | b
    return 1.0 if not union else len(a & b) / len(union)


def label_key(label: str) -> str:
    return resolve(label).category or normalize_label(label)


def seconds_rate(seconds: float | None, input_tokens: int | None, config: ScoringConfig) -> tuple[float, float] | None:
    """(actual, target): seconds per 100 input tokens, else seconds per report."""
    if seconds is None:
        return None
    if seconds < 0:
        raise ValueError(f"A report cannot take {seconds} seconds; pass the measured time (0 or more) or None.")
    if input_tokens:
        return seconds / input_tokens * 100, config.efficiency_target_sec_per_100_tokens
    return seconds, config.efficiency_target_sec_per_report


def composite(
    fractions: dict[str, float | None], config: ScoringConfig
) -> tuple[float, dict[str, float | None], list[str]]:
    """Points per dimension and the score out of 100 over the measured weights."""
    points = {name: None if frac is None else config.weights[name] * frac for name, frac in fractions.items()}
    unmeasured = [name for name, frac in fractions.items() if frac is None]
    measured_weight = sum(config.weights[n] for n in DIMENSIONS if points[n] is not None)
    earned = sum(p for p in points.values() if p is not None)
    score = earned * 100 / measured_weight if measured_weight > 0 else 0.0
    return score, points, unmeasured
