"""Character classes shared by every rule module (regex fragments, not patterns).

Kanji includes the CJK extension planes so that names such as 𠮷田 (U+20BB7)
stay one token; offsets are code points, so no surrogate handling is needed.
"""

from __future__ import annotations

import unicodedata

DIGIT = "0-9０-９"
KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f々〆ヵヶ"
HIRAGANA = "\u3041-\u3096ー"
KATAKANA = "\u30a1-\u30faー\u30fc\uff66-\uff9f"
LATIN = "A-Za-zＡ-Ｚａ-ｚ"
SPACE = " \u3000"
NAME_CHARS = KANJI + HIRAGANA + KATAKANA + LATIN

_KANA_OR_LATIN_READING = set(" \u3000・･,.，、'-")


def to_ascii_digits(text: str) -> str:
    """Fold full-width digits (and other compatibility forms) for number checks."""
    return unicodedata.normalize("NFKC", text)


def is_kanji(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
        or ch in "々〆ヵヶ"
    )


def is_katakana(ch: str) -> bool:
    code = ord(ch)
    return 0x30A1 <= code <= 0x30FA or ch in "ーｰ・" or 0xFF66 <= code <= 0xFF9F


def is_hiragana(ch: str) -> bool:
    return 0x3041 <= ord(ch) <= 0x3096 or ch == "ー"


def is_latin(ch: str) -> bool:
    return ("A" <= ch <= "Z") or ("a" <= ch <= "z") or ("Ａ" <= ch <= "Ｚ") or ("ａ" <= ch <= "ｚ")


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


_WIDE = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}


def _half_width_kana_table() -> dict[str, str]:
    """Full-width katakana (voiced ones included) -> half-width spelling."""
    table: dict[str, str] = {}
    base = [chr(c) for c in range(0xFF66, 0xFF9E)]
    for ch in base:
        table.setdefault(unicodedata.normalize("NFKC", ch), ch)
    for ch in base:
        for mark in ("\uff9e", "\uff9f"):  # ﾞ ﾟ
            full = unicodedata.normalize("NFKC", ch + mark)
            if len(full) == 1:
                table.setdefault(full, ch + mark)
    table["ー"] = "ｰ"
    table["・"] = "･"
    table["\u3000"] = " "
    return table


_HALF_KANA = _half_width_kana_table()


def other_widths(value: str) -> set[str]:
    """The same value typed in the other width: ASCII <-> full width, katakana <-> half width."""
    variants = {
        unicodedata.normalize("NFKC", value),
        value.translate(_WIDE),
        "".join(_HALF_KANA.get(ch, ch) for ch in value),
    }
    variants.discard(value)
    return {v for v in variants if v}
