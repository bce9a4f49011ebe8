"""Turn predicted items into spans and pair them with gold spans.

A model returns (label, value) pairs, not positions. A masker would replace
every occurrence of the value, so every verbatim occurrence becomes a
predicted span. Occurrences are found left to right without overlapping each
other, the way ``str.replace`` would mask them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from phi_core.models import Span
from phi_core.taxonomy import category_matches


@dataclass(frozen=True)
class PredictedSpan:
    start: int
    end: int
    label: str
    value: str
    item_index: int  # position of the item in the de-duplicated item list

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Match:
    """The predicted span chosen for one gold span."""

    gold_index: int
    pred: PredictedSpan
    iou: float
    category_ok: bool


def find_occurrences(text: str, value: str) -> list[tuple[int, int]]:
    """Every non-overlapping verbatim occurrence; none for empty or blank values."""
    if not value or not value.strip():
        return []
    found: list[tuple[int, int]] = []
    start = text.find(value)
    while start != -1:
        end = start + len(value)
        found.append((start, end))
        start = text.find(value, end)
    return found


def overlap_length(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def iou(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    """Characters shared divided by characters covered by either span."""
    shared = overlap_length(a_start, a_end, b_start, b_end)
    if shared == 0:
        return 0.0
    union = (a_end - a_start) + (b_end - b_start) - shared
    return shared / union


def overlaps(gold: Span, pred: PredictedSpan) -> bool:
    return gold.start < pred.end and pred.start < gold.end


def best_match(gold_index: int, gold: Span, candidates: Sequence[PredictedSpan]) -> Match | None:
    """The overlapping prediction with the highest IoU.

    Ties go to a prediction whose label covers the gold category (the model
    did find it under a right name), then to the earliest one in the text.
    """
    best: tuple[float, int, int, int] | None = None
    chosen: Match | None = None
    for pred in candidates:
        if not overlaps(gold, pred):
            continue
        score = iou(gold.start, gold.end, pred.start, pred.end)
        ok = category_matches(pred.label, gold.category)
        # Larger is better on every key: IoU, right label, earlier start, earlier item.
        key = (score, int(ok), -pred.start, -pred.item_index)
        if best is None or key > best:
            best = key
            chosen = Match(gold_index, pred, score, ok)
    return chosen


def match_gold(gold: Sequence[Span], preds: Sequence[PredictedSpan]) -> list[Match | None]:
    """One best match (or None) per gold span; a prediction may serve several gold spans."""
    return [best_match(i, g, preds) for i, g in enumerate(gold)]


def covered_positions(spans: Sequence[tuple[int, int]]) -> set[int]:
    """Character positions covered by at least one of the spans."""
    covered: set[int] = set()
    for start, end in spans:
        covered.update(range(start, end))
    return covered
