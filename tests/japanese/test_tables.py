import re
from datetime import date

import pytest

from phi_core.japanese import chars, eras, honorifics, scripts, width
from phi_core.japanese.dates import date_key


def test_fold_with_offsets_maps_each_folded_character_back():
    text = "ｶﾞﾝ ２０２４年"
    folded, starts, ends = width.fold_with_offsets(text)
    assert folded == "ガン 2024年"
    assert (starts[0], ends[0]) == (0, 2)  # ｶﾞ -> ガ: two originals, one folded
    at = folded.index("2024")
    assert text[starts[at] : ends[at + 3]] == "２０２４"


def test_widths_round_trip():
    assert width.to_full_width("AB-12") == "ＡＢ－１２"
    assert width.to_full_width("a b", space=True) == "ａ\u3000ｂ"
    assert width.to_half_width("ＡＢ－１２") == "AB-12"
    assert width.other_widths("ナカムラ") == {"ﾅｶﾑﾗ"}
    assert width.ascii_digits("０９０-1") == "090-1"
    # The allow-list folds this way: one character for one, the ideographic space too, kana kept.
    assert width.to_half_width("１２\u3000ｍｍ　ｶﾅ", space=True) == "12 mm ｶﾅ"
    assert width.to_half_width("a\u3000b") == "a\u3000b"


def test_loose_kana_and_katakana_fragments():
    assert all(chars.is_kana(c) for c in "あゝアヽｱﾟー・")
    assert not any(chars.is_kana(c) for c in "亜々Aａ〆")
    letters = re.compile(f"[{chars.FULL_WIDTH_KATAKANA}]+")
    assert letters.fullmatch("ァヴヺ") and not letters.fullmatch("アー") and not letters.fullmatch("ｱ")
    assert re.fullmatch(f"[{chars.KATAKANA_BLOCK_CHARS}]+", "゠アー・ヿ")


def test_eras_read_both_ways():
    era, year = eras.era_of(date(2019, 5, 1))
    assert (era.name, era.letter, year) == ("令和", "R", 1)
    assert eras.era_of(date(2019, 4, 30))[0].letter == "H"
    assert eras.western_year("H", 31) == 2019 == eras.western_year("平成", 31)
    with pytest.raises(ValueError, match="Taisho"):
        eras.era_of(date(1900, 1, 1), oldest="T")


@pytest.mark.parametrize(
    "written, key",
    [
        ("令和元年5月1日", (2019, 5, 1)),
        ("Ｒ６．８．６", (2024, 8, 6)),
        ("S61生", (1986, None, None)),
        ("8/6/2024", (2024, 8, 6)),
    ],
)
def test_dates_are_read(written, key):
    assert date_key(written) == key


def test_honorific_groups_are_subsets_of_one_table():
    assert honorifics.words("familiar") == ("君", "くん", "ちゃん")
    assert set(honorifics.words("clinician")) <= set(honorifics.words())
    assert honorifics.alternation(("侍史", "御侍史")).startswith("御侍史")
    with pytest.raises(ValueError):
        honorifics.words("nobody")


def test_character_classes_and_scripts():
    assert chars.is_kanji("𠮷") and chars.is_kanji("々") and not chars.is_kanji("〇")
    assert chars.is_katakana("ｱ") and chars.is_katakana_letter("ア") and not chars.is_katakana_letter("・")
    assert scripts.script_of("ﾔﾏﾀﾞ") == "katakana"
    assert scripts.script_of("二〇二四") == "kanji"
    assert scripts.name_writing("Y. O.") == "initials"
    assert scripts.name_writing("ﾔﾏﾀﾞ") == "halfkana"


def test_kana_width_both_ways():
    assert width.to_half_width_kana("ヤマダ　タロウ") == "ﾔﾏﾀﾞ ﾀﾛｳ"
    assert width.to_half_width_kana("ヤマダ　タロウ", space=False) == "ﾔﾏﾀﾞ\u3000ﾀﾛｳ"
    assert width.to_full_width_kana("ｶﾞﾝ｡") == "ガン。"
