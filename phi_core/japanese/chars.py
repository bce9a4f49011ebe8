"""Character classes: one table of code point ranges, read three ways.

* regex fragments (``KANJI``, ``KATAKANA`` ...) to put inside ``[...]``;
* per-character tests (``is_kanji`` ...);
* the range tuples themselves, for anyone who needs another view.

Kanji includes every CJK extension plane so that names such as 𠮷田 (U+20BB7)
stay one token; offsets are code points, so no surrogate handling is needed.
"""

from __future__ import annotations

import unicodedata

# (first, last) code points, inclusive.
KANJI_RANGES: tuple[tuple[int, int], ...] = (
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x3FFFF),  # extensions B and later, compatibility supplement
)
# Written inside kanji words and names (佐々木, 〆切, 霞ヶ関, 3ヵ月).
KANJI_MARKS = "々〆ヵヶ"
# The ideographic zero: a kanji numeral (二〇二四) and the "○○" placeholder look-alike.
IDEOGRAPHIC_ZERO = "〇"
HIRAGANA_RANGE = (0x3041, 0x3096)
# ゝゞゟ and the spacing sound marks ゛゜ sit in the hiragana block after the letters.
HIRAGANA_MARK_RANGE = (0x309B, 0x309F)
KATAKANA_RANGE = (0x30A1, 0x30FA)
KATAKANA_EXTRA_RANGES: tuple[tuple[int, int], ...] = ((0x30FD, 0x30FF), (0x31F0, 0x31FF))
HALF_WIDTH_KATAKANA_RANGE = (0xFF66, 0xFF9F)
LONG_VOWEL = "ー"
HALF_WIDTH_LONG_VOWEL = "ｰ"
MIDDLE_DOT = "・"
HALF_WIDTH_MIDDLE_DOT = "･"
IDEOGRAPHIC_SPACE = "\u3000"


def _fragment(ranges) -> str:
    return "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in ranges)


# Regex fragments, to be placed inside a character class.
DIGIT = "0-9０-９"
KANJI = _fragment(KANJI_RANGES) + KANJI_MARKS
HIRAGANA = _fragment((HIRAGANA_RANGE,)) + LONG_VOWEL
HIRAGANA_LETTERS = _fragment((HIRAGANA_RANGE,))
KATAKANA = _fragment((KATAKANA_RANGE,)) + LONG_VOWEL + _fragment((HALF_WIDTH_KATAKANA_RANGE,))
LATIN = "A-Za-zＡ-Ｚａ-ｚ"
SPACE = " " + IDEOGRAPHIC_SPACE
NAME_CHARS = KANJI + HIRAGANA + KATAKANA + LATIN
# Every Japanese letter (kana blocks whole, kanji) for loose "looks Japanese" tests.
JAPANESE_LETTERS = "\u3040-\u30ff" + _fragment(KANJI_RANGES[:2])


def _inside(code: int, ranges) -> bool:
    return any(lo <= code <= hi for lo, hi in ranges)


# Below this code point nothing is a kanji or a kanji mark: most characters asked about are ASCII or kana.
_BEFORE_KANJI = min(min(lo for lo, _ in KANJI_RANGES), *map(ord, KANJI_MARKS))


def is_kanji(ch: str) -> bool:
    code = ord(ch)
    if code < _BEFORE_KANJI:
        return False
    return _inside(code, KANJI_RANGES) or ch in KANJI_MARKS


def is_hiragana(ch: str) -> bool:
    """A hiragana letter or the long vowel mark (which kana words share)."""
    return HIRAGANA_RANGE[0] <= ord(ch) <= HIRAGANA_RANGE[1] or ch == LONG_VOWEL


def is_hiragana_letter(ch: str) -> bool:
    """A character of the hiragana block that is not a combining sound mark."""
    return _inside(ord(ch), (HIRAGANA_RANGE, HIRAGANA_MARK_RANGE))


def is_katakana(ch: str) -> bool:
    """Katakana in either width, with the long vowel mark and the middle dot that join kana names."""
    code = ord(ch)
    return (
        KATAKANA_RANGE[0] <= code <= KATAKANA_RANGE[1]
        or ch in (LONG_VOWEL, HALF_WIDTH_LONG_VOWEL, MIDDLE_DOT)
        or HALF_WIDTH_KATAKANA_RANGE[0] <= code <= HALF_WIDTH_KATAKANA_RANGE[1]
    )


def is_katakana_letter(ch: str) -> bool:
    """A full-width katakana letter (the middle dot and long vowel mark excluded)."""
    return _inside(ord(ch), (KATAKANA_RANGE, *KATAKANA_EXTRA_RANGES))


def is_half_width_katakana(ch: str) -> bool:
    return HALF_WIDTH_KATAKANA_RANGE[0] <= ord(ch) <= HALF_WIDTH_KATAKANA_RANGE[1]


def is_latin(ch: str) -> bool:
    """An ASCII or full-width Latin letter."""
    return ("A" <= ch <= "Z") or ("a" <= ch <= "z") or ("Ａ" <= ch <= "Ｚ") or ("ａ" <= ch <= "ｚ")


def is_digit(ch: str) -> bool:
    """ASCII or full-width digits: the ones Japanese documents write."""
    return "0" <= ch <= "9" or "０" <= ch <= "９"


# Whole Unicode blocks, for tests that accept any character of a kana block.
HIRAGANA_BLOCK = (0x3040, 0x309F)
KATAKANA_BLOCK = (0x30A0, 0x30FF)


def in_hiragana_block(ch: str) -> bool:
    return HIRAGANA_BLOCK[0] <= ord(ch) <= HIRAGANA_BLOCK[1]


def in_katakana_block(ch: str) -> bool:
    return KATAKANA_BLOCK[0] <= ord(ch) <= KATAKANA_BLOCK[1]


def is_cjk_ideograph(ch: str) -> bool:
    """Any ideograph by its Unicode name or plane (wider than :func:`is_kanji`: radicals' blocks too)."""
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED", "CJK COMPATIBILITY")) or ord(ch) >= 0x20000


CJK_PUNCTUATION_RANGE = (0x3000, 0x303F)
HALF_WIDTH_FORMS_RANGE = (0xFF61, 0xFF9F)  # half-width punctuation and katakana


def is_unified_kanji(ch: str) -> bool:
    """A kanji of the main (BMP) unified block: what legacy encodings can write."""
    lo, hi = KANJI_RANGES[1]
    return lo <= ord(ch) <= hi


def is_cjk_punctuation(ch: str) -> bool:
    return CJK_PUNCTUATION_RANGE[0] <= ord(ch) <= CJK_PUNCTUATION_RANGE[1]


def is_half_width_form(ch: str) -> bool:
    return HALF_WIDTH_FORMS_RANGE[0] <= ord(ch) <= HALF_WIDTH_FORMS_RANGE[1]


# Narrower fragments some patterns need: the main kanji block only, half-width katakana only.
UNIFIED_KANJI = _fragment(KANJI_RANGES[1:2])
HALF_WIDTH_KATAKANA = _fragment((HALF_WIDTH_KATAKANA_RANGE,))
# Every hiragana letter, for str.strip and friends.
HIRAGANA_LETTER_SET = "".join(chr(code) for code in range(HIRAGANA_RANGE[0], HIRAGANA_RANGE[1] + 1))
# Full-width katakana letters only (no ー, ・ or half width): patterns that add their own marks.
FULL_WIDTH_KATAKANA = _fragment((KATAKANA_RANGE,))
# The whole katakana block (ー, ・ and ヽヾヿ included), as a fragment.
KATAKANA_BLOCK_CHARS = _fragment((KATAKANA_BLOCK,))
# What a kana reading is written with: katakana letters in either width, hiragana letters, the long vowel.
READING_KANA = FULL_WIDTH_KATAKANA + LONG_VOWEL + HIRAGANA_LETTERS + HALF_WIDTH_KATAKANA
# Hangul syllables: a Korean patient's name written in its own script beside the Latin one (KIM Jiwoo / 김지우).
HANGUL_SYLLABLE_RANGE = (0xAC00, 0xD7A3)
HANGUL_SYLLABLES = _fragment((HANGUL_SYLLABLE_RANGE,))


def is_kana(ch: str) -> bool:
    """Any character of the hiragana or katakana block, or half-width katakana: a loose "written in kana"."""
    return in_hiragana_block(ch) or in_katakana_block(ch) or is_half_width_katakana(ch)


# Hiragana letters and the katakana of the same sound lie 0x60 code points apart (ぁ-ゖ, ァ-ヶ).
_KANA_SHIFT = KATAKANA_RANGE[0] - HIRAGANA_RANGE[0]


def to_katakana(text: str) -> str:
    """Hiragana letters as katakana (おかだ → オカダ); every other character as it is."""
    return "".join(chr(ord(ch) + _KANA_SHIFT) if is_hiragana_letter(ch) else ch for ch in text)


def to_hiragana(text: str) -> str:
    """Katakana letters of a hiragana sound as hiragana (ショウワ → しょうわ); every other character as it is."""
    low, high = HIRAGANA_RANGE
    return "".join(
        chr(ord(ch) - _KANA_SHIFT) if low <= ord(ch) - _KANA_SHIFT <= high and is_katakana_letter(ch) else ch
        for ch in text
    )


# Kangxi radicals and their supplement: text taken out of a PDF writes 高 and 山 as these look-alikes (⾼, ⼭).
RADICAL_RANGES: tuple[tuple[int, int], ...] = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF))
RADICALS = _fragment(RADICAL_RANGES)


def radical_as_kanji(ch: str) -> str:
    """The kanji a radical look-alike stands for (⾼ -> 高), one character for one; else ``ch`` itself."""
    if _inside(ord(ch), RADICAL_RANGES):
        folded = unicodedata.normalize("NFKC", ch)
        if len(folded) == 1:
            return folded
    return ch
