"""How a found span is written in the output: one registry entry per mode.

``tags`` writes the category (【患者氏名】, or [PATIENT_NAME] with English
tags), ``redact`` writes one ■ per character so lengths and layout stay, and
``surrogate`` writes a realistic fictional value (phi_core.deid.surrogate).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from phi_core.deid.surrogate import SurrogateBook
from phi_core.deid.surrogate.generator import NAME_CATEGORIES, READING_CATEGORIES
from phi_core.taxonomy import CATEGORY_BY_CODE

REDACT_CHAR = "■"
# A reading belongs to the nearest name before it when one is this close.
READING_REACH = 80


@dataclass(frozen=True)
class FoundSpan:
    start: int
    end: int
    category: str | None
    label: str


@dataclass
class ModeContext:
    patient: str
    english_tags: bool = False
    book: SurrogateBook | None = None


def tag_for(category: str | None, english: bool) -> str:
    known = CATEGORY_BY_CODE.get(category or "")
    if english or known is None:
        return f"[{category or 'PHI'}]"
    return f"【{known.name_ja}】"


def _tags(text: str, spans: Sequence[FoundSpan], ctx: ModeContext) -> list[str]:
    return [tag_for(s.category, ctx.english_tags) for s in spans]


def _redact(text: str, spans: Sequence[FoundSpan], ctx: ModeContext) -> list[str]:
    return [REDACT_CHAR * (s.end - s.start) for s in spans]


def _surrogate(text: str, spans: Sequence[FoundSpan], ctx: ModeContext) -> list[str]:
    book = ctx.book
    if book is None:
        raise ValueError("surrogate mode needs a SurrogateBook in its context")
    out: list[str | None] = [None] * len(spans)
    people: list[tuple[int, object]] = []  # (position, fictional person) of each name, for readings
    order = sorted(range(len(spans)), key=lambda i: (spans[i].category in READING_CATEGORIES, spans[i].start))
    for i in order:
        span = spans[i]
        person = None
        if span.category in READING_CATEGORIES:
            value = text[span.start : span.end]
            person = book.names.known_reading(value) or _nearest_person(people, span.start)
        value = text[span.start : span.end]
        out[i], named = book.replace(span.category, value, ctx.patient, person)
        if named is not None and span.category in NAME_CATEGORIES:
            people.append((span.start, named))
    return [o if o is not None else "" for o in out]


def _nearest_person(people: list[tuple[int, object]], at: int):
    before = [(at - pos, p) for pos, p in people if pos <= at and at - pos <= READING_REACH]
    if before:
        return min(before, key=lambda x: x[0])[1]
    after = [(pos - at, p) for pos, p in people if pos > at and pos - at <= READING_REACH]
    return min(after, key=lambda x: x[0])[1] if after else None


MODES: dict[str, Callable[[str, Sequence[FoundSpan], ModeContext], list[str]]] = {
    "tags": _tags,
    "redact": _redact,
    "surrogate": _surrogate,
}
