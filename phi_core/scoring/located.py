"""Predictions that come with their positions (offset-exact extractors).

An extractor that knows where a value is (the rules, a recognizer, a
pipeline of them) is scored on the spans it found, as they are: a value is
counted only where it was found, never at other verbatim occurrences. A sex
code ``M`` read from a field counts; the ``M`` in ``MRI`` is not touched. The
item view the dimensions need (one item per distinct (category, value)) is
derived from the spans, each item keeping only its own positions.
"""

from __future__ import annotations

from typing import Sequence

from phi_core.models import Span


def items_of_spans(text: str, spans: Sequence[Span]) -> list[tuple[str, str, tuple[tuple[int, int], ...]]]:
    """(category, value, positions) per distinct (category, value), in order of first appearance."""
    grouped: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if not 0 <= span.start < span.end <= len(text):
            raise ValueError(
                f"predicted span {span.start}-{span.end} ({span.category}) lies outside the text "
                f"({len(text)} characters): the prediction does not belong to this report."
            )
        grouped.setdefault((span.category, text[span.start : span.end]), []).append((span.start, span.end))
    return [(category, value, tuple(dict.fromkeys(places))) for (category, value), places in grouped.items()]
