"""Character classes the rule modules share: phi_core.japanese's, plus the reading test.

The tables themselves live in phi_core/japanese/chars.py and width.py; this
module re-exports the names the recognizers import.
"""

from __future__ import annotations

from phi_core.japanese.chars import (  # noqa: F401  (re-exported for the recognizers)
    DIGIT,
    HIRAGANA,
    HIRAGANA_LETTERS,
    KANJI,
    KATAKANA,
    LATIN,
    NAME_CHARS,
    SPACE,
    is_hiragana,
    is_kanji,
    is_katakana,
    is_latin,
)
from phi_core.japanese.width import nfkc as to_ascii_digits, other_widths  # noqa: F401

_KANA_OR_LATIN_READING = set(" \u3000・･,.，、'-")


def looks_like_reading(text: str) -> bool:
    """A parenthesised kana or romaji rendering of a name (no kanji, no digits)."""
    stripped = text.strip()
    if not stripped:
        return False
    # "(CT)", "(MD)", "(RT)": a job title abbreviation, not a romaji reading.
    if stripped.isascii() and stripped.isupper() and len(stripped) <= 3:
        return False
    letters = 0
    for ch in stripped:
        if is_hiragana(ch) or is_katakana(ch) or is_latin(ch):
            letters += 1
        elif ch not in _KANA_OR_LATIN_READING:
            return False
    return letters >= 2
