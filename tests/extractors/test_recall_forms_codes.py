"""recall-first on codes that need no table: numbers padded with zeros and sex codes with other cues."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked, values

# --- numbers padded with zeros -------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [("タッグ0012 男性（身元未確認）", "0012"), ("pt 00781204 精算済", "00781204")])
def test_a_zero_padded_number_is_an_identifier(text, value):
    assert value in found("identifier-shape", text)


@pytest.mark.parametrize(
    "text",
    [
        "AE=PACS_MAIN status=0000 images=245",  # all zeros: a status
        "尿量 1,050 mL、体重 3,010 g",  # thousands
        "(0010, 0010) PN [YAMADA^TARO]\n(0008,0080) LO [Aoba]",  # DICOM tags
        "No   受付日     場所\n0131 03/02  救急外来\n0132 03/05  透析室\n0133 03/11  売店前",  # row counter
        "0.05 mg/kg、09:30 開始、2026/01/05",  # decimal, time, date parts
        "右肺S6に結節（Se 003 Im 045）、Image: 0120 参照",  # places in the images
    ],
)
def test_zero_padded_look_alikes_stay(text):
    assert not [v for v in found("identifier-shape", text) if v.startswith(("0", "０"))]


# --- sex codes with other cues: a bracketed age, an age band, a spaced label, the word written out --


@pytest.mark.parametrize(
    "text, code",
    [
        ("R8.12.1\nヤマウチ トシエ 様 (88) F  #00551902", "F"),
        ("　RS-0001, 65-69, M, Nivolumab, 大腸炎 G3", "M"),
        ("氏 名 ﾓﾘﾀ ｹｲｺﾞ\n性 別 M   年 齢 41", "M"),
        ("Baby: female, 3,342 g, 50.0 cm", "female"),
    ],
)
def test_a_sex_code_with_its_cue(text, code):
    assert code in found("sex-code", text)


@pytest.mark.parametrize(
    "text",
    [
        "T2N0M0 (3) M1 と判断",  # a stage after a bracketed count
        "血圧 120-139, M 字型の波形",  # not an age band
        "male-pattern baldness, F/U 予定",  # inside a word or a code
        "Lサイズ 10-15, F 型コネクタ",  # a range that is no band
    ],
)
def test_sex_code_look_alikes_stay(text):
    assert not found("sex-code", text)


def test_sex_and_age_under_a_header_with_cells_one_space_apart():
    text = "患者ID    年齢 性別 LA径/BNP\n00315527 64 M LA 46mm BNP 212\n00409918 71 F LA 41mm BNP 88\n"
    got = masked(text)
    assert ("M", "SEX") in got and ("F", "SEX") in got and ("64", "AGE") in got
    assert "46mm" not in values(text) and "212" not in values(text)


SIGNED = (
    "日付        内容          サイン\n"
    "11/02       清拭          中林 恒夫\n"
    "11/03       体位変換      乾\n"
    "11/04       清拭          石神\n"
    "11/05       食事介助      －\n"
)


def test_one_name_found_and_every_other_cell_shaped_like_one_make_a_column_of_names():
    got = values(SIGNED)
    assert "乾" in got and "石神" in got
    assert "サイン" not in got and "清拭" not in got and "－" not in got


def test_a_column_with_one_name_and_other_words_stays_as_it_is():
    text = SIGNED.replace("石神", "済")
    got = values(text)
    assert "乾" not in got and "済" not in got
