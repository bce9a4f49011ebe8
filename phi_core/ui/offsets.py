"""Offsets at the browser boundary: JavaScript counts UTF-16 code units.

Python (and the whole project) counts code points. A character outside the
Basic Multilingual Plane, such as 𠮷 in the surname 𠮷田, is one code point but
two UTF-16 units, so every offset after it differs by one between the two
worlds. Conversion happens here and only here: the component speaks UTF-16,
everything behind it speaks code points.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

_BMP_LIMIT = 0xFFFF


def utf16_length(text: str) -> int:
    return sum(2 if ord(ch) > _BMP_LIMIT else 1 for ch in text)


@lru_cache(maxsize=64)
def _utf16_positions(text: str) -> tuple[int, ...]:
    """UTF-16 offset of every code-point boundary 0..len(text), inclusive."""
    positions = [0]
    for ch in text:
        positions.append(positions[-1] + (2 if ord(ch) > _BMP_LIMIT else 1))
    return tuple(positions)


def cp_to_utf16(text: str, offset: int) -> int:
    """The UTF-16 offset of a code-point offset (0..len(text))."""
    if not 0 <= offset <= len(text):
        raise ValueError(f"offset {offset} is outside the text (0..{len(text)})")
    return _utf16_positions(text)[offset]


def utf16_to_cp(text: str, offset: int, *, round_up: bool = False) -> int:
    """The code-point offset of a UTF-16 offset.

    An offset that falls between the two halves of a surrogate pair cannot be
    represented in Python; it is moved to the start of that character, or to
    its end with ``round_up`` (used for span ends, so the character stays in).
    """
    positions = _utf16_positions(text)
    if not 0 <= offset <= positions[-1]:
        raise ValueError(f"browser offset {offset} is outside the text (0..{positions[-1]} UTF-16 units)")
    if round_up:
        return bisect_left(positions, offset)
    return bisect_right(positions, offset) - 1


def span_to_utf16(text: str, start: int, end: int) -> tuple[int, int]:
    return cp_to_utf16(text, start), cp_to_utf16(text, end)


def span_from_utf16(text: str, start: int, end: int) -> tuple[int, int]:
    """Code-point (start, end) of a browser selection; a split character is kept whole."""
    return utf16_to_cp(text, start), utf16_to_cp(text, end, round_up=True)
