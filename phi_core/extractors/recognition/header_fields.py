"""Whether a word stands in a table's header row: a column's name, no one's name (SHOKUIN_NO, SHIMEI, MEMO)."""

from __future__ import annotations

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.label_words import column_rule

_FIELD_SPLIT = re.compile(r"[,\t|;]")


def _field_around(text: str, start: int, end: int) -> str:
    """The whole field name a word stands in (KANA_SHIMEI, KANJYA_ID)."""
    while start and (text[start - 1] == "_" or text[start - 1].isascii() and text[start - 1].isalnum()):
        start -= 1
    while end < len(text) and (text[end] == "_" or text[end].isascii() and text[end].isalnum()):
        end += 1
    return text[start:end]


def _header_fields(text: str, start: int) -> frozenset[str]:
    """The fields of the line at ``start`` when it reads as a header row (three or more known column names:
    its other fields, MEMO or YYK_KBN, are columns too)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    fields = [f.strip() for f in _FIELD_SPLIT.split(text[line_start : len(text) if line_end < 0 else line_end])]
    known = sum(1 for f in fields if f and column_rule(f) is not None)
    return frozenset(fields) if known >= 3 else frozenset()


def in_header_row(text: str, start: int, end: int) -> bool:
    """Is text[start:end] (a word, or part of one joined by _) a whole field of a delimited header row?"""
    return _field_around(text, start, end) in _header_fields(text, start)
