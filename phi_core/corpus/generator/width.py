"""Half-width to full-width conversion for the digits and signs in PHI values.

Japanese forms often type numbers in full width (２０２４年, ０９０－１２３４).
Only ASCII digits, letters and a few signs are widened: kanji and kana are
already full width and stay as they are.
"""

from __future__ import annotations

from phi_core.japanese.width import to_full_width


def to_fullwidth(text: str) -> str:
    return to_full_width(text, space=True)
