"""The Latin letter a word read in kana starts with, as staff initial their names (石黒 沙耶 → S.I.).

Hepburn and the older Kunrei spellings differ on a few syllables (シ shi/si, チ chi/ti, フ fu/hu, ジ ji/zi),
and people use either on a badge or a signature, so those syllables allow both letters.
"""

from __future__ import annotations

from .chars import to_katakana

# Each row of the kana table by its first letter; a kana listed twice allows both letters.
_ROWS: dict[str, str] = {
    "A": "アァ",
    "I": "イィ",
    "U": "ウゥ",
    "E": "エェ",
    "O": "オォ",
    "K": "カキクケコ",
    "G": "ガギグゲゴ",
    "S": "サシスセソ",
    "Z": "ザジズゼゾ",
    "J": "ジヂ",
    "T": "タチツテト",
    "C": "チ",
    "D": "ダヂヅデド",
    "N": "ナニヌネノン",
    "H": "ハヒフヘホ",
    "F": "フ",
    "B": "バビブベボ",
    "P": "パピプペポ",
    "M": "マミムメモ",
    "Y": "ヤユヨ",
    "R": "ラリルレロ",
    "W": "ワヲ",
    "V": "ヴ",
}
_LETTERS: dict[str, frozenset[str]] = {}
for _letter, _kana in _ROWS.items():
    for _ch in _kana:
        _LETTERS[_ch] = _LETTERS.get(_ch, frozenset()) | {_letter}
del _letter, _kana, _ch


def initial_letters(reading: str) -> frozenset[str]:
    """The Latin capitals a word read ``reading`` (katakana or hiragana) may be initialled with."""
    return _LETTERS.get(to_katakana(reading[:1]), frozenset())
