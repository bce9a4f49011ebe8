"""The union of several extractors' findings, as pure functions.

A part gives either located spans (an extractor that knows where its values
are: the rules, a recognizer), taken as they are, or (label, value) items (a
model reply), of which, like the scorer and a masker, every verbatim
occurrence counts as a span. The union joins spans that
overlap (share at least one character; spans that only touch stay apart) into
one span covering them all, labelled with the label whose category comes
first in the pipeline's precedence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from phi_core.scoring.matching import find_occurrences
from phi_core.taxonomy import normalize_label, resolve


@dataclass(frozen=True)
class LabeledSpan:
    start: int
    end: int
    label: str


def label_category(label: str, precedence: Sequence[str]) -> str | None:
    """The canonical category of a label; for a coarse label, the first it covers in the precedence."""
    mapping = resolve(label)
    if mapping.category and not mapping.coarse:
        return mapping.category
    covered = [c for c in precedence if c in mapping.covers]
    return covered[0] if covered else mapping.category


def _rank(label: str, precedence: Sequence[str]) -> int:
    category = label_category(label, precedence)
    try:
        return list(precedence).index(category)
    except ValueError:
        return len(precedence)  # unknown labels lose to every known category


def _stronger(a: str, b: str, precedence: Sequence[str]) -> str:
    """The label a joined span keeps.

    A specific label beats a coarse one that covers it (EXAM_DATE over DATE,
    PATIENT_NAME over NAME): it says more about the same stretch. Otherwise
    the first category in the precedence wins, then the specific label, then
    the alphabetically first, so the result never depends on the part order.
    """
    ma, mb = resolve(a), resolve(b)
    if ma.coarse != mb.coarse:
        coarse, specific = (a, b) if ma.coarse else (b, a)
        if label_category(specific, precedence) in resolve(coarse).covers:
            return specific
    return min((a, b), key=lambda lab: (_rank(lab, precedence), resolve(lab).coarse, lab))


def spans_of_items(text: str, items: Iterable[tuple[str, str]]) -> list[LabeledSpan]:
    """Every verbatim occurrence of every (label, value) item."""
    return [LabeledSpan(s, e, label) for label, value in items for s, e in find_occurrences(text, value)]


def part_spans(text: str, found: Iterable[LabeledSpan | tuple[str, str]]) -> list[LabeledSpan]:
    """A part's findings as spans: located spans as they are, items at every occurrence."""
    spans: list[LabeledSpan] = []
    for one in found:
        if isinstance(one, LabeledSpan):
            spans.append(one)
        else:
            label, value = one
            spans.extend(LabeledSpan(s, e, label) for s, e in find_occurrences(text, value))
    return spans


def union_spans(
    text: str, parts: Sequence[Iterable[LabeledSpan | tuple[str, str]]], precedence: Sequence[str]
) -> list[LabeledSpan]:
    """The union of several parts' findings (spans or items) as merged spans."""
    return merge_spans([s for found in parts for s in part_spans(text, found)], precedence)


def items_of_spans(
    text: str, spans: Iterable[LabeledSpan], precedence: Sequence[str]
) -> list[tuple[str, str | None, str]]:
    """(label, category, value) once per (label, value), in text order."""
    out: dict[tuple[str, str], tuple[str, str | None, str]] = {}
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        value = text[span.start : span.end]
        out.setdefault((span.label, value), (span.label, label_category(span.label, precedence), value))
    return list(out.values())


def merge_spans(spans: Iterable[LabeledSpan], precedence: Sequence[str]) -> list[LabeledSpan]:
    """Overlapping spans joined; each joined span keeps the highest-precedence label."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    merged: list[LabeledSpan] = []
    for span in ordered:
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            best = _stronger(last.label, span.label, precedence)
            merged[-1] = LabeledSpan(last.start, max(last.end, span.end), best)
        else:
            merged.append(span)
    return merged


def union_items(
    text: str, parts: Sequence[Iterable[tuple[str, str]]], precedence: Sequence[str]
) -> list[tuple[str, str | None, str]]:
    """(label, category, value) items of the union, in text order, each (label, value) once."""
    spans = [s for items in parts for s in spans_of_items(text, items)]
    out: dict[tuple[str, str], tuple[str, str | None, str]] = {}
    for span in merge_spans(spans, precedence):
        value = text[span.start : span.end]
        out.setdefault((span.label, value), (span.label, label_category(span.label, precedence), value))
    return list(out.values())


def canonical_label(label: str) -> str:
    """A label's category code when it has one, else the label folded for display."""
    return resolve(label).category or normalize_label(label)
