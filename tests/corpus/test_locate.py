import pytest

from phi_core.corpus.locate import locate_ignoring_spacing, locate_lenient, locate_value, strip_titles


def test_locate_value_finds_every_occurrence_left_to_right_without_overlap():
    assert locate_value("aaaa", "aa") == [(0, 2), (2, 4)]
    assert locate_value("山田と山田", "山田") == [(0, 2), (3, 5)]


@pytest.mark.parametrize("value", ["", "鈴木"])
def test_locate_value_returns_nothing_for_empty_or_absent_values(value):
    assert locate_value("山田太郎", value) == []


def test_offsets_count_code_points_even_outside_the_bmp():
    text = "𠮷田 花子さん"
    assert locate_value(text, "花子") == [(3, 5)]
    assert locate_lenient(text, "𠮷田花子") == ([(0, 5)], "whitespace")


def test_exact_match_wins_over_looser_readings():
    assert locate_lenient("氏名：西田 優子", "西田 優子") == ([(3, 8)], "exact")


def test_title_is_stripped_when_the_text_has_the_bare_name():
    text = "依頼医：河合 真理（内科）"
    spans, how = locate_lenient(text, "Dr. 河合 真理")
    assert how == "title_stripped"
    assert [text[s:e] for s, e in spans] == ["河合 真理"]


def test_spacing_differences_are_ignored_including_full_width_space():
    text = "西田優子、西田　優子"
    spans, how = locate_lenient(text, "西田 優子")
    assert how == "whitespace"
    assert [text[s:e] for s, e in spans] == ["西田優子", "西田　優子"]


def test_title_and_spacing_together():
    text = "読影医：Dr.河合真理"
    spans, how = locate_lenient(text, "Dr. 河合 真理 先生")
    assert how == "whitespace"
    assert [text[s:e] for s, e in spans] == ["河合真理"]


@pytest.mark.parametrize(
    "text, value, expected",
    [
        ("ID：ＣＴ－１２３です", "CT-123", "ＣＴ－１２３"),
        ("ID：CT-123です", "ＣＴ－１２３", "CT-123"),
        ("ｶﾞｸ ﾀﾛｳ様", "ガク タロウ", "ｶﾞｸ ﾀﾛｳ"),  # half-width kana with a separate dakuten
    ],
)
def test_width_folding_maps_back_to_original_offsets(text, value, expected):
    spans, how = locate_lenient(text, value)
    assert how == "width"
    assert [text[s:e] for s, e in spans] == [expected]


def test_not_found():
    assert locate_lenient("所見なし", "山田") == ([], "not_found")
    assert locate_lenient("所見なし", "  ") == ([], "not_found")


@pytest.mark.parametrize(
    "value, core",
    [
        ("Dr.Ito", "Ito"),
        ("Dr. 河合 真理", "河合 真理"),
        ("Dr．山田", "山田"),
        ("Dr山田", "山田"),
        ("高田様", "高田"),
        ("Dr.中村先生", "中村"),
        ("Y.Y.氏", "Y.Y."),
        ("山田医師", "山田"),
        ("Drake", "Drake"),
        ("様", "様"),
        ("佐藤", "佐藤"),
    ],
)
def test_strip_titles(value, core):
    assert strip_titles(value) == core


def test_spacing_pattern_never_starts_or_ends_on_whitespace():
    text = "A  B C"
    assert locate_ignoring_spacing(text, " A B ") == [(0, 4)]


def test_spacing_never_bridges_a_line_break():
    assert locate_lenient("西田\n優子", "西田 優子") == ([], "not_found")
