"""Rule-based PHI extractor: the study's baseline and the annotators' pre-annotator.

Only the report text is read. Recognizers (each with one job, kept in the
registry of recognizer.py) propose candidates and labelled regions; one
resolver (resolve.py) re-types generic matches by their label, cross-checks
dates, propagates values to every occurrence and removes overlaps.

Public API::

    extract_spans(text) -> list[Span]          # canonical categories, exact offsets
    extract(text) -> list[PredictedItem]       # unique (category, value) items
    VERSION                                    # bump whenever a rule changes
    RECOGNIZERS                                # name -> recognizer, in run order
"""

from __future__ import annotations

from phi_core.models import PredictedItem, Span

# Importing a module registers its recognizers, in this order.
from . import labels, structured, patterns, names, facilities, rooms  # noqa: F401
from .candidates import Candidate
from .recognizer import RECOGNIZERS, Document, Recognizer
from .resolve import resolve

VERSION = "rules-2.0.0"

__all__ = ["RECOGNIZERS", "VERSION", "extract", "extract_spans", "run_recognizers"]


def run_recognizers(text: str, recognizers: dict[str, Recognizer] | None = None) -> list[Candidate]:
    """Resolved candidates from the given recognizers (all registered ones by default)."""
    if not text:
        return []
    doc = Document(text)
    candidates: list[Candidate] = []
    regions = []
    for recognizer in (recognizers or RECOGNIZERS).values():
        candidates.extend(recognizer.find(doc))
        regions.extend(recognizer.regions(doc))
    return resolve(doc, candidates, regions)


def extract_spans(text: str) -> list[Span]:
    """PHI spans found by the rules, sorted by start and non-overlapping."""
    return [
        Span(start=c.start, end=c.end, category=c.category, text=text[c.start:c.end])
        for c in run_recognizers(text)
    ]


def extract(text: str) -> list[PredictedItem]:
    """Unique (category, value) pairs in order of first appearance."""
    seen: dict[tuple[str, str], None] = {}
    for cand in run_recognizers(text):
        seen.setdefault((cand.category, text[cand.start:cand.end]), None)
    return [PredictedItem(category=category, value=value) for category, value in seen]
