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
from . import labels, structured, patterns, names, facilities, rooms, demographics  # noqa: F401
from .candidates import Candidate
from .chars import is_kanji, is_katakana
from .recognizer import RECOGNIZERS, Document, Recognizer
from .resolve import resolve

VERSION = "rules-2.0.1"

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
        Span(start=c.start, end=c.end, category=c.category, text=text[c.start : c.end]) for c in run_recognizers(text)
    ]


def _masks_other_words(text: str, value: str, spans: list[tuple[int, int]]) -> bool:
    """Would replacing every verbatim occurrence of ``value`` cut into other words?

    Items are masked by value, not position: a bed number "2" or a sex word
    "男" would also hit "12mm" or "長男". Such a value is left out of the
    item list (its spans stay in :func:`extract_spans`): leaking one short
    value costs less than damaging the rest of the document.
    """
    if len(value) > 3:
        return False
    start = text.find(value)
    while start >= 0:
        end = start + len(value)
        inside = any(s <= start and end <= e for s, e in spans)
        if not inside:
            # One ASCII letter or digit ("M", "2") means nothing on its own: any
            # other occurrence would be masked by mistake.
            if len(value) == 1 and value.isascii():
                return True
            before = text[start - 1] if start else ""
            after = text[end] if end < len(text) else ""
            if _joins(before, value[0], len(value)) or _joins(value[-1], after, len(value)):
                return True
        start = text.find(value, end)
    return False


def _kind(ch: str) -> str:
    if ch.isdigit():
        return "digit"
    if ch.isascii():
        return "latin" if ch.isalpha() else ""
    if is_kanji(ch):
        return "kanji"
    if is_katakana(ch):
        return "katakana"
    return ""


def _joins(left: str, right: str, size: int) -> bool:
    """Two characters that belong to one word when written side by side.

    Kanji and katakana words run together without spaces, so only a
    one-character value ("男" in "長男") counts as cut out of a longer word.
    """
    if not left or not right:
        return False
    a, b = _kind(left), _kind(right)
    if a in ("kanji", "katakana") and size > 1:
        return False
    return bool(a) and (a == b or {a, b} == {"digit", "latin"})


def extract(text: str, recognizers: dict[str, Recognizer] | None = None) -> list[PredictedItem]:
    """Unique (category, value) pairs in order of first appearance."""
    resolved = run_recognizers(text, recognizers)
    spans = [(c.start, c.end) for c in resolved]
    seen: dict[tuple[str, str], None] = {}
    for cand in resolved:
        seen.setdefault((cand.category, text[cand.start : cand.end]), None)
    return [
        PredictedItem(category=category, value=value)
        for category, value in seen
        if not _masks_other_words(text, value, spans)
    ]
