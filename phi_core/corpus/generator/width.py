"""Half-width to full-width conversion for the digits and signs in PHI values.

Japanese forms often type numbers in full width (２０２４年, ０９０－１２３４).
Only ASCII digits, letters and a few signs are widened: kanji and kana are
already full width and stay as they are.
"""

from __future__ import annotations

_WIDENED = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}
_WIDENED[ord(" ")] = 0x3000


def to_fullwidth(text: str) -> str:
    return text.translate(_WIDENED)
