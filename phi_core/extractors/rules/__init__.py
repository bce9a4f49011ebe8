"""Rule-based PHI extractor: the study's baseline and the annotators' pre-annotator.

Only the report text is read. Pipeline: label hits -> pattern matches re-typed
by label context -> label values, IDs, names and facilities in running text ->
date cross-checks and propagation of labelled values -> overlap resolution.

Public API::

    extract_spans(text) -> list[Span]          # canonical categories, exact offsets
    extract(text) -> list[PredictedItem]       # unique (category, value) items
    VERSION                                    # bump whenever a rule changes
"""

from __future__ import annotations

from phi_core.models import PredictedItem, Span

from .candidates import Candidate
from .consistency import propagate, retype_dates
from .facilities import facility_candidates
from .labels import find_label_hits, id_candidates, label_candidates, retype_in_context
from .names import prose_name_candidates
from .patterns import find_patterns
from .resolve import resolve

VERSION = "rules-1.0.0"

__all__ = ["VERSION", "extract", "extract_spans"]


def _resolved(text: str) -> list[Candidate]:
    if not text:
        return []
    hits = find_label_hits(text)
    candidates = retype_in_context(text, hits, find_patterns(text))
    candidates += label_candidates(text, hits)
    candidates += id_candidates(text)
    candidates += prose_name_candidates(text)
    candidates += facility_candidates(text)
    candidates = retype_dates(text, candidates)
    candidates += propagate(text, candidates)
    return resolve(candidates)


def extract_spans(text: str) -> list[Span]:
    """PHI spans found by the rules, sorted by start and non-overlapping."""
    return [
        Span(start=c.start, end=c.end, category=c.category, text=text[c.start:c.end])
        for c in _resolved(text)
    ]


def extract(text: str) -> list[PredictedItem]:
    """Unique (category, value) pairs in order of first appearance."""
    seen: dict[tuple[str, str], None] = {}
    for cand in _resolved(text):
        seen.setdefault((cand.category, text[cand.start:cand.end]), None)
    return [PredictedItem(category=category, value=value) for category, value in seen]
