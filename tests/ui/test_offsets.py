import pytest

from phi_core.ui.offsets import cp_to_utf16, span_from_utf16, span_to_utf16, utf16_length, utf16_to_cp

NAME = "氏名：𠮷田太郎 様"  # 𠮷 lies outside the BMP: one code point, two UTF-16 units


def test_character_outside_bmp_counts_two_in_utf16():
    assert len("𠮷田") == 2
    assert utf16_length("𠮷田") == 3


def test_code_points_to_utf16_shift_after_the_astral_character():
    # 𠮷田太郎 is code points 3..7; in JS 𠮷 takes two units, so the end moves by one.
    assert span_to_utf16(NAME, 3, 7) == (3, 8)
    assert span_to_utf16(NAME, 4, 5) == (5, 6)  # 田 alone
    assert cp_to_utf16(NAME, len(NAME)) == utf16_length(NAME)


def test_browser_selection_converts_back_to_code_points():
    assert span_from_utf16(NAME, 3, 8) == (3, 7)
    assert NAME[slice(*span_from_utf16(NAME, 5, 6))] == "田"


def test_offset_inside_a_surrogate_pair_keeps_the_character_whole():
    # A selection ending between the two halves of 𠮷 still includes it.
    assert span_from_utf16(NAME, 3, 4) == (3, 4)
    assert utf16_to_cp(NAME, 4) == 3
    assert utf16_to_cp(NAME, 4, round_up=True) == 4


def test_round_trip_for_every_boundary():
    text = "a𠮷b😀c田"
    for cp in range(len(text) + 1):
        assert utf16_to_cp(text, cp_to_utf16(text, cp)) == cp


@pytest.mark.parametrize("offset", [-1, 99])
def test_offsets_outside_the_text_are_refused(offset):
    with pytest.raises(ValueError):
        utf16_to_cp(NAME, offset)
    with pytest.raises(ValueError):
        cp_to_utf16(NAME, offset)
