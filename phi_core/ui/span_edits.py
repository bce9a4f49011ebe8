"""Edits of one report's gold spans: add, remove, relabel, accept predictions.

Pure functions over a report's text and spans. Offsets are code points (the
page converts the browser's UTF-16 offsets before calling in, see
``offsets``). Edits never mutate their input; they return a new list of spans,
sorted. A refused edit raises EditError with a message for the annotator.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from phi_core.corpus.locate import locate_value
from phi_core.models import Span
from phi_core.taxonomy import CATEGORY_CODES, canonical, resolve


class EditError(ValueError):
    """An edit the workbench refuses; the message tells the annotator why."""


def make_span(text: str, start: int, end: int, category: str) -> Span:
    return Span(start=start, end=end, category=category, text=text[start:end])


def span_key(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.category


def sort_spans(spans: Iterable[Span]) -> list[Span]:
    return sorted(
        spans,
        key=lambda s: (
            s.start,
            s.end,
            CATEGORY_CODES.index(s.category) if s.category in CATEGORY_CODES else len(CATEGORY_CODES),
        ),
    )


def check_category(category: str) -> str:
    code = canonical(category) if category else None
    if code is None:
        raise EditError(f"{category!r} is not a PHI category: pick one from the legend")
    return code


def trim_selection(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop the spaces and line breaks a mouse selection tends to catch at its edges."""
    if not 0 <= start < end <= len(text):
        raise EditError(f"the selection {start}-{end} is not inside the report (0-{len(text)}): select again")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise EditError("the selection holds only spaces or line breaks: select the PHI itself")
    return start, end


def add_span(text: str, spans: Sequence[Span], start: int, end: int, category: str) -> list[Span]:
    """Label text[start:end]; the same stretch under another category is relabelled."""
    category = check_category(category)
    start, end = trim_selection(text, start, end)
    if any(span_key(s) == (start, end, category) for s in spans):
        raise EditError(f"{text[start:end]!r} is already labelled {category}")
    kept = [s for s in spans if (s.start, s.end) != (start, end)]
    return sort_spans([*kept, make_span(text, start, end, category)])


def remove_span(spans: Sequence[Span], start: int, end: int, category: str) -> list[Span]:
    kept = [s for s in spans if span_key(s) != (start, end, category)]
    if len(kept) == len(spans):
        raise EditError(f"there is no {category} span at {start}-{end} (it may have changed): reload the report")
    return kept


def recategorize(text: str, spans: Sequence[Span], start: int, end: int, old: str, new: str) -> list[Span]:
    new = check_category(new)
    if old == new:
        raise EditError(f"the span is already {new}")
    kept = remove_span(spans, start, end, old)
    kept = [s for s in kept if span_key(s) != (start, end, new)]
    return sort_spans([*kept, make_span(text, start, end, new)])


def accept_prediction(
    text: str, spans: Sequence[Span], value: str, category: str, *, relabel: bool = True
) -> tuple[list[Span], int]:
    """Label every verbatim occurrence of ``value``; returns (spans, how many changed).

    ``relabel`` lets an occurrence that gold already has under another
    category take the prediction's category (an explicit single accept);
    accept-all leaves existing gold alone.
    """
    category = check_category(category)
    occurrences = locate_value(text, value)
    if not occurrences:
        raise EditError(f"{value!r} does not occur in the report text, so there is nothing to label")
    result, changed = list(spans), 0
    for start, end in occurrences:
        here = [s for s in result if (s.start, s.end) == (start, end)]
        if any(s.category == category for s in here):
            continue
        if here and not relabel:
            continue
        result = [s for s in result if (s.start, s.end) != (start, end)] + [make_span(text, start, end, category)]
        changed += 1
    return sort_spans(result), changed


def accept_all(
    text: str, spans: Sequence[Span], items: Sequence[Mapping[str, Any]]
) -> tuple[list[Span], int, list[str]]:
    """Accept every locatable item with a single category; returns (spans, changed, skipped notes)."""
    result, changed, skipped = list(spans), 0, []
    for item in items:
        value, label = str(item.get("value") or ""), str(item.get("label") or "")
        category = item.get("category") or canonical(label)
        if category is None:
            skipped.append(f"{value!r} ({label}): the label names no single category, accept it on its own")
            continue
        if not locate_value(text, value):
            skipped.append(f"{value!r} ({label}): not in the text")
            continue
        result, n = accept_prediction(text, result, value, category, relabel=False)
        changed += n
    return result, changed, skipped


def suggested_category(label: str) -> str | None:
    """The category an accepted prediction gets: its own, or the first its coarse label covers."""
    mapping = resolve(label)
    if mapping.category:
        return mapping.category
    covered = [code for code in CATEGORY_CODES if code in mapping.covers]
    return covered[0] if covered else None
