"""Find where a labelled value sits in a report's text.

Silver labels rarely copy the text exactly: names carry a title (``Dr. 河合 真理``
for ``Dr.河合真理``), spacing differs (``西田 優子`` for ``西田優子``) and digits or
letters switch width. :func:`locate_lenient` tries progressively looser readings
and says which one matched, so an importer can report how trustworthy a span is.
Every offset returned refers to the original, unmodified text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from phi_core.japanese import honorifics
from phi_core.japanese.width import fold_with_offsets

Spans = list[tuple[int, int]]

# Titles that are not part of the name. Latin prefixes need a dot, a space or a
# following non-ASCII character so that a name such as "Drake" stays intact.
_TITLE_PREFIX = re.compile(
    r"^\s*(?:"
    + honorifics.alternation(tuple(t for t in honorifics.LATIN_LEADING_TITLES if t not in ("Ns", "NS")))
    + r")(?:[.．]\s*|\s+|(?=[^\x00-\x7F]))|^\s*"
    + honorifics.KATAKANA_DOCTOR
    + r"\s*"
)
_TITLE_SUFFIX = re.compile(
    r"\s*(?:" + honorifics.alternation(honorifics.words("person", "clinician", exclude=("看護師", "技師"))) + r")\s*$"
)

# Separators that a name may carry in one place and not in the other. In the
# text only spaces within a line count: a value never runs across lines.
_IGNORABLE = re.compile(r"\s+")
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_HORIZONTAL_SPACE = frozenset(c for c in map(chr, range(0x3001)) if c.isspace() and c not in _LINE_BREAKS)


def strip_titles(value: str) -> str:
    """The value without leading/trailing titles; the value itself if nothing remains."""
    core = value.strip()
    while True:
        shorter = _TITLE_SUFFIX.sub("", _TITLE_PREFIX.sub("", core, count=1), count=1).strip()
        if shorter == core or not shorter:
            break
        core = shorter
    return core or value


def locate_value(text: str, value: str) -> Spans:
    """All verbatim occurrences, non-overlapping, left to right; [] if none."""
    if not value:
        return []
    spans: Spans = []
    start = text.find(value)
    while start != -1:
        spans.append((start, start + len(value)))
        start = text.find(value, start + len(value))
    return spans


@lru_cache(maxsize=256)
def _without_spaces(text: str) -> tuple[str, tuple[int, ...]]:
    """The text without horizontal spaces, plus each kept character's original index."""
    kept = [i for i, char in enumerate(text) if char not in _HORIZONTAL_SPACE]
    return "".join(text[i] for i in kept), tuple(kept)


def locate_ignoring_spacing(text: str, value: str) -> Spans:
    """Occurrences of ``value`` whatever spaces sit between its characters."""
    needle = _IGNORABLE.sub("", value)
    if not needle:
        return []
    squeezed, positions = _without_spaces(text)
    return [(positions[a], positions[b - 1] + 1) for a, b in locate_value(squeezed, needle)]


# NFKC-folded text plus, per folded character, the original start and end.
_width_folded = fold_with_offsets


def _locate_width_folded(text: str, value: str) -> Spans:
    folded_text, starts, ends = _width_folded(text)
    folded_value = _width_folded(value)[0]
    return [(starts[a], ends[b - 1]) for a, b in locate_ignoring_spacing(folded_text, folded_value) if b > a]


def _locate_title_stripped(text: str, value: str) -> Spans:
    core = strip_titles(value)
    return locate_value(text, core) if core != value else []


# Tried in order; the first strategy that finds anything wins. Looser readings
# come later so that an exact hit is never reported as an approximate one. The
# flag says whether the strategy also tries the value without its titles.
STRATEGIES: tuple[tuple[str, Callable[[str, str], Spans], bool], ...] = (
    ("exact", locate_value, False),
    ("title_stripped", _locate_title_stripped, False),
    ("whitespace", locate_ignoring_spacing, True),
    ("width", _locate_width_folded, True),
)


def locate_lenient(text: str, value: str) -> tuple[Spans, str]:
    """Spans of ``value`` in ``text`` and how they were found.

    ``how`` is one of "exact", "title_stripped", "whitespace", "width" or
    "not_found" (then the list is empty). The whitespace and width readings also
    apply to the title-stripped value when the full value does not match.
    """
    if not value or not value.strip():
        return [], "not_found"
    core = strip_titles(value)
    for how, strategy, also_core in STRATEGIES:
        candidates = (value, core) if also_core and core != value else (value,)
        for candidate in candidates:
            spans = strategy(text, candidate)
            if spans:
                return spans, how
    return [], "not_found"
