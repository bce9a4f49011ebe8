"""The Latin letters a kana reading may be initialled with."""

from __future__ import annotations

import pytest

from phi_core.japanese.romaji import initial_letters


@pytest.mark.parametrize(
    "reading, letters",
    [
        ("イシグロ", {"I"}),
        ("サヤ", {"S"}),
        ("しおり", {"S"}),  # hiragana as well as katakana
        ("チヒロ", {"C", "T"}),  # chi or ti
        ("フミコ", {"F", "H"}),  # fu or hu
        ("ジュン", {"J", "Z"}),
        ("ワタル", {"W"}),
        ("", set()),
        ("ー", set()),
    ],
)
def test_the_first_kana_gives_the_initial(reading, letters):
    assert initial_letters(reading) == letters
