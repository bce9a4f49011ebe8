"""Which writing system a piece of text is written in.

Two views of one character table (chars.py):

* :func:`script_of` - the study's breakdown of recall by script (kanji,
  katakana, hiragana, romaji, mixed); rules documented in docs/scoring.md:
  - Text is NFKC-folded first, so full-width letters and digits and half-width
    katakana count like their ordinary forms.
  - kanji: CJK ideographs in every block (including non-BMP ones such as 𠮷),
    compatibility ideographs, the iteration mark 々, 〆, 〇 and the small ヶ/ヵ
    used inside kanji names and counters (霞ヶ関, 3ヶ月).
  - hiragana / katakana: their Unicode blocks (katakana phonetic extensions
    included); the long vowel mark ー takes the script of the kana or letter
    before it and counts as katakana when nothing precedes it.
  - romaji: Latin letters, accented ones (ō, ū) included.
  - digits: decimal digits.
  - A text with exactly one of these classes is that class; with two or more it
    is "mixed" (so 2024年 and 45歳 are mixed); a letter from any other alphabet
    (Greek, Hangul, ...) makes it "mixed". A text without letters or digits
    (only spaces and symbols) is filed under "digits", the "no letters" bucket.
* :func:`name_writing` - how a name is written, for a surrogate written the
  same way (kanji, half-width kana, katakana, hiragana, romaji, initials).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Literal

from .chars import (
    IDEOGRAPHIC_ZERO,
    LONG_VOWEL,
    in_hiragana_block,
    in_katakana_block,
    is_cjk_ideograph,
    is_half_width_katakana,
    is_hiragana_letter,
    is_kanji,
    is_katakana_letter,
)
from .width import nfkc

Script = Literal["kanji", "hiragana", "katakana", "romaji", "digits", "mixed"]
SCRIPTS: tuple[str, ...] = ("kanji", "hiragana", "katakana", "romaji", "digits", "mixed")

# Scripts whose sounds ー can lengthen; after anything else it is a dash.
_LENGTHENABLE = frozenset({"hiragana", "katakana", "romaji"})
_OTHER_LETTER = "other"


def _is_kanji(ch: str) -> bool:
    return ch == IDEOGRAPHIC_ZERO or is_kanji(ch)


def _is_romaji(ch: str) -> bool:
    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")


def _is_digit(ch: str) -> bool:
    return unicodedata.category(ch) == "Nd"


# First match wins; kanji comes before katakana so that ヶ counts as kanji.
_CLASSIFIERS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("kanji", _is_kanji),
    ("hiragana", is_hiragana_letter),
    ("katakana", is_katakana_letter),
    ("romaji", _is_romaji),
    ("digits", _is_digit),
    (_OTHER_LETTER, str.isalpha),
)


def char_script(ch: str) -> str | None:
    """The class of one (already NFKC-folded) character; None for no script."""
    for name, test in _CLASSIFIERS:
        if test(ch):
            return name
    return None


def script_of(text: str) -> Script:
    """Classify a stretch of text as one script or "mixed" (rules above)."""
    found: set[str] = set()
    previous: str | None = None  # class of the character just before
    for ch in nfkc(text):
        if ch == LONG_VOWEL:
            cls = previous if previous in _LENGTHENABLE else None
        else:
            cls = char_script(ch)
        previous = cls
        if cls is not None:
            found.add(cls)
    if not found:
        return "digits"
    if len(found) > 1 or _OTHER_LETTER in found:
        return "mixed"
    return found.pop()  # type: ignore[return-value]


_LATIN_WORD = re.compile(r"[A-Za-z]+")


def name_writing(core: str) -> str:
    """How a name is written: kanji (any ideograph wins), halfkana, katakana, hiragana, initials, romaji."""
    if any(is_cjk_ideograph(c) for c in core):
        return "kanji"
    letters = [c for c in core if not c.isspace() and c not in ".．・"]
    if letters and all(is_half_width_katakana(c) for c in letters):
        return "halfkana"
    if letters and all(in_katakana_block(c) for c in letters):
        return "katakana"
    if letters and all(in_hiragana_block(c) or c == LONG_VOWEL for c in letters):
        return "hiragana"
    if letters and all(c.isascii() and c.isalpha() for c in letters):
        return "initials" if len(letters) <= 3 and not any(len(t) > 1 for t in _LATIN_WORD.findall(core)) else "romaji"
    return "kanji"
