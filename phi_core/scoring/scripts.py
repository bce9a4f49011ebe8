"""Which writing system a piece of PHI is written in.

The study reports recall by script (kanji, katakana, hiragana, romaji, mixed)
because local models miss kana names far more often than kanji ones. Every
character is put in one class; spaces, punctuation and symbols carry no script.

Rules (documented in docs/scoring.md):
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
"""

from __future__ import annotations

import unicodedata
from typing import Callable, Literal

Script = Literal["kanji", "hiragana", "katakana", "romaji", "digits", "mixed"]
SCRIPTS: tuple[str, ...] = ("kanji", "hiragana", "katakana", "romaji", "digits", "mixed")

_LONG_VOWEL = "ー"
# Scripts whose sounds ー can lengthen; after anything else it is a dash.
_LENGTHENABLE = frozenset({"hiragana", "katakana", "romaji"})
_KANJI_MARKS = frozenset("々〆〇ヶヵ")
_KANJI_RANGES = (
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x3FFFF),  # extensions B and later, compatibility supplement
)
_OTHER_LETTER = "other"


def _in_ranges(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= code <= hi for lo, hi in ranges)


def _is_kanji(ch: str) -> bool:
    return ch in _KANJI_MARKS or _in_ranges(ord(ch), _KANJI_RANGES)


def _is_hiragana(ch: str) -> bool:
    return 0x3041 <= ord(ch) <= 0x309F and unicodedata.category(ch) != "Mn"


def _is_katakana(ch: str) -> bool:
    code = ord(ch)
    # The middle dot ・ sits in the katakana block but is punctuation.
    return (0x30A1 <= code <= 0x30FA or 0x30FD <= code <= 0x30FF) or 0x31F0 <= code <= 0x31FF


def _is_romaji(ch: str) -> bool:
    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")


def _is_digit(ch: str) -> bool:
    return unicodedata.category(ch) == "Nd"


# First match wins; kanji comes before katakana so that ヶ counts as kanji.
_CLASSIFIERS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("kanji", _is_kanji),
    ("hiragana", _is_hiragana),
    ("katakana", _is_katakana),
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
    for ch in unicodedata.normalize("NFKC", text):
        if ch == _LONG_VOWEL:
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
