"""Character width: full <-> half width conversion and NFKC folding with offset maps.

Japanese documents type the same value in either width (２０２４ / 2024,
ナカムラ / ﾅｶﾑﾗ). Folding is NFKC; where offsets matter,
:func:`fold_with_offsets` says where each folded character came from, so a
match in the folded text maps back to the original (offsets are code points).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .chars import (
    HALF_WIDTH_KATAKANA_RANGE,
    HALF_WIDTH_LONG_VOWEL,
    HALF_WIDTH_MIDDLE_DOT,
    IDEOGRAPHIC_SPACE,
    LONG_VOWEL,
    MIDDLE_DOT,
)

# Printable ASCII sits 0xFEE0 below its full-width form (！ .. ～).
_FULL_WIDTH_OFFSET = 0xFEE0
_PRINTABLE_ASCII = range(0x21, 0x7F)
TO_FULL_WIDTH: dict[int, int] = {code: code + _FULL_WIDTH_OFFSET for code in _PRINTABLE_ASCII}
TO_FULL_WIDTH_WITH_SPACE: dict[int, int] = {**TO_FULL_WIDTH, ord(" "): ord(IDEOGRAPHIC_SPACE)}
TO_HALF_WIDTH: dict[int, int] = {code + _FULL_WIDTH_OFFSET: code for code in _PRINTABLE_ASCII}
TO_HALF_WIDTH_WITH_SPACE: dict[int, int] = {**TO_HALF_WIDTH, ord(IDEOGRAPHIC_SPACE): ord(" ")}
FULL_WIDTH_DIGITS = "０１２３４５６７８９"
# Half-width sound marks ﾞ ﾟ and combining ones: they belong to the character before them.
JOINING_MARKS = frozenset("\uff9e\uff9f\u3099\u309a")


def nfkc(text: str) -> str:
    """Compatibility folding: full-width ASCII and half-width kana become their ordinary forms."""
    return unicodedata.normalize("NFKC", text)


def to_full_width(text: str, *, space: bool = False) -> str:
    """ASCII letters, digits and signs in full width (a space too when ``space``)."""
    return text.translate(TO_FULL_WIDTH_WITH_SPACE if space else TO_FULL_WIDTH)


def to_half_width(text: str, *, space: bool = False) -> str:
    """Full-width ASCII letters, digits and signs in half width (the ideographic space too when ``space``);
    kana untouched. One character for one, so offsets keep."""
    return text.translate(TO_HALF_WIDTH_WITH_SPACE if space else TO_HALF_WIDTH)


def ascii_digits(text: str) -> str:
    """Full-width digits as ASCII ones; every other character untouched (offsets keep)."""
    return "".join(str(FULL_WIDTH_DIGITS.index(c)) if "０" <= c <= "９" else c for c in text)


def same_width_digit(original: str, digit: int) -> str:
    """``digit`` written in the width of the digit ``original``."""
    return FULL_WIDTH_DIGITS[digit] if "０" <= original <= "９" else str(digit)


def _half_width_kana_table() -> dict[str, str]:
    """Full-width katakana (voiced ones included) -> half-width spelling."""
    table: dict[str, str] = {}
    base = [chr(c) for c in range(HALF_WIDTH_KATAKANA_RANGE[0], 0xFF9E)]
    for ch in base:
        table.setdefault(nfkc(ch), ch)
    for ch in base:
        for mark in ("\uff9e", "\uff9f"):  # ﾞ ﾟ
            full = nfkc(ch + mark)
            if len(full) == 1:
                table.setdefault(full, ch + mark)
    table[LONG_VOWEL] = HALF_WIDTH_LONG_VOWEL
    table[MIDDLE_DOT] = HALF_WIDTH_MIDDLE_DOT
    table[IDEOGRAPHIC_SPACE] = " "
    return table


HALF_WIDTH_KANA: dict[str, str] = _half_width_kana_table()


def to_half_width_kana(text: str, *, space: bool = True) -> str:
    """Katakana (and ー ・) in half width; the ideographic space too unless ``space`` is False."""
    if space:
        return "".join(HALF_WIDTH_KANA.get(ch, ch) for ch in text)
    return "".join(ch if ch == IDEOGRAPHIC_SPACE else HALF_WIDTH_KANA.get(ch, ch) for ch in text)


_FULL_WIDTH_KANA: dict[str, str] = {
    **{chr(code): nfkc(chr(code)) for code in range(0xFF61, HALF_WIDTH_KATAKANA_RANGE[0])},  # ｡｢｣､･
    **{half: full for full, half in HALF_WIDTH_KANA.items() if full != IDEOGRAPHIC_SPACE},
}


def to_full_width_kana(text: str) -> str:
    """Half-width katakana (a sound mark joined to its letter: ｶﾞ -> ガ) in full width; the rest untouched."""
    out, i = [], 0
    while i < len(text):
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in _FULL_WIDTH_KANA:
            out.append(_FULL_WIDTH_KANA[pair])
            i += 2
            continue
        out.append(_FULL_WIDTH_KANA.get(text[i], text[i]))
        i += 1
    return "".join(out)


def other_widths(value: str) -> set[str]:
    """The same value typed in the other width: ASCII <-> full width, katakana <-> half width."""
    variants = {nfkc(value), value.translate(TO_FULL_WIDTH), to_half_width_kana(value)}
    variants.discard(value)
    return {v for v in variants if v}


@lru_cache(maxsize=256)
def fold_with_offsets(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """NFKC-folded text plus, per folded character, the original start and end.

    A character and the marks joined to it fold together (ﾀﾞ -> ダ), so a
    folded character may come from two original ones, and one original
    character may fold to several (㍻ -> 平成): both ends are kept.
    """
    folded: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and (unicodedata.combining(text[j]) or text[j] in JOINING_MARKS):
            j += 1
        piece = nfkc(text[i:j])
        folded.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return "".join(folded), tuple(starts), tuple(ends)


TAB_WIDTH = 8


def display_width(text: str) -> int:
    """Columns ``text`` takes on a fixed-width screen: a wide or full-width character two, a tab eight.

    Plain-text tables line their columns up by this, not by characters.
    """
    if text.isascii() and "\t" not in text:
        return len(text)  # most text between and inside words: no table lookups
    return sum(TAB_WIDTH if ch == "\t" else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
