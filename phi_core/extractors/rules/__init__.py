"""Rule-based PHI extractor: the study's baseline and the annotators' pre-annotator.

Only the report text is read. Recognizers (one per module in
phi_core/extractors/recognizers/, kept in the registry of
phi_core/extractors/recognition/recognizer.py) propose candidates and labelled
regions; one resolver (recognition/resolve.py) re-types generic matches by
their label, cross-checks dates, propagates values to every occurrence and
removes overlaps. Which recognizers run, and at which rank, is a profile in
data/rules/profiles.toml; ``balanced`` is the default (the `rules` extractor).

Public API::

    extract_spans(text, profile="balanced") -> list[Span]   # canonical categories, exact offsets
    extract(text) -> list[PredictedItem]                    # unique (category, value) items
    VERSION                                                 # bump whenever a rule changes
    RECOGNIZERS                                             # name -> recognizer, every registered one
"""

from __future__ import annotations

# Importing the package registers every recognizer module in it.
import phi_core.extractors.recognizers  # noqa: F401
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.profiles import DEFAULT_PROFILE, get_profile
from phi_core.extractors.recognition.recognizer import RECOGNIZERS, Document, Recognizer
from phi_core.extractors.recognition.resolve import resolve
from phi_core.extractors.rules.checked import allow_list_for, checked_proposals
from phi_core.japanese.chars import is_kanji, is_katakana
from phi_core.models import PredictedItem, Span

VERSION = "rules-2.25.0"

__all__ = [
    "DEFAULT_PROFILE",
    "RECOGNIZERS",
    "VERSION",
    "extract",
    "extract_located",
    "extract_spans",
    "run_recognizers",
]


def run_recognizers(
    text: str,
    recognizers: dict[str, Recognizer] | None = None,
    ranks: dict[str, int] | None = None,
    *,
    profile: str = DEFAULT_PROFILE,
    supplements: bool = True,
) -> list[Candidate]:
    """Resolved candidates from the given recognizers (by default, those of ``profile``).

    ``ranks`` caps the rank of a recognizer's candidates (name -> rank); a
    profile brings its own, and its supplements (proposals checked against the
    clinical allow-list first) unless ``supplements`` is false or the
    recognizers are given.
    """
    if not text:
        return []
    checked: list[Recognizer] = []
    allow_file, supplement_rank = None, 0
    if recognizers is None:
        chosen = get_profile(profile)
        recognizers, ranks = chosen.enabled(), chosen.ranks
        if supplements:
            checked = list(chosen.supplement_recognizers().values())
            allow_file, supplement_rank = chosen.allow_list, chosen.supplement_rank
    ranks = ranks or {}
    doc = Document(text)
    candidates: list[Candidate] = []
    regions = []
    for name, recognizer in recognizers.items():
        found = recognizer.find(doc)
        cap = ranks.get(name)
        if cap is not None:
            found = [c if c.rank <= cap else c._replace(rank=cap) for c in found]
        candidates.extend(found)
        regions.extend(recognizer.regions(doc))
    if checked:
        candidates.extend(checked_proposals(doc, checked, allow_list_for(allow_file), supplement_rank, candidates))
    return resolve(doc, candidates, regions)


def extract_spans(text: str, profile: str = DEFAULT_PROFILE) -> list[Span]:
    """PHI spans found by the rules, sorted by start and non-overlapping."""
    return [
        Span(start=c.start, end=c.end, category=c.category, text=text[c.start : c.end])
        for c in run_recognizers(text, profile=profile)
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


def extract(
    text: str, recognizers: dict[str, Recognizer] | None = None, *, profile: str = DEFAULT_PROFILE
) -> list[PredictedItem]:
    """Unique (category, value) pairs in order of first appearance."""
    return _items(text, run_recognizers(text, recognizers, profile=profile))


def extract_located(text: str, *, profile: str = DEFAULT_PROFILE) -> tuple[list[Span], list[PredictedItem]]:
    """Spans and items from one pass: where the values are, and the items of the item model.

    The spans are the resolver's, plus every other verbatim occurrence of each
    item's value: an item is masked wherever it occurs, and the rules stand by
    that. A short value left out of the items (``M``, ``男``, a bed ``2``) keeps
    only the spans where it was found.
    """
    resolved = run_recognizers(text, profile=profile)
    items = _items(text, resolved)
    found = {(c.start, c.end, c.category) for c in resolved}
    for item in items:
        for start in _occurrences(text, item.value):
            found.add((start, start + len(item.value), item.category))
    spans = [Span(start=s, end=e, category=c, text=text[s:e]) for s, e, c in sorted(found)]
    return spans, items


def _occurrences(text: str, value: str) -> list[int]:
    """Starts of the non-overlapping verbatim occurrences, left to right (as the scorer finds items)."""
    starts, at = [], text.find(value) if value.strip() else -1
    while at != -1:
        starts.append(at)
        at = text.find(value, at + len(value))
    return starts


def _items(text: str, resolved: list[Candidate]) -> list[PredictedItem]:
    spans = [(c.start, c.end) for c in resolved]
    seen: dict[tuple[str, str], None] = {}
    for cand in resolved:
        seen.setdefault((cand.category, text[cand.start : cand.end]), None)
    return [
        PredictedItem(category=category, value=value)
        for category, value in seen
        if not _masks_other_words(text, value, spans)
    ]
