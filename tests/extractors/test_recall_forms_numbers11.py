"""recall-first on numbers, sex codes, seats, year ranges and ages written in forms the patterns refused
(issue 16, session 7 round 3), and the clinical look-alikes each mechanism must leave alone."""

from __future__ import annotations

import pytest

from phi_core.extractors.recognizers.scan_damage import repaired
from tests.extractors.recall_probes import covered, found, masked_as, values

_SCANNED_TABLE = "受付時刻 ID 氏名\n8:5O  OO27  松尾 ヨシエ   S1O.3.4\n1O:O5 O8l3  ｻﾄｳ ﾐｽﾞｷ    R2.5.3O\n"


# --- a scanned table's time and ID columns ------------------------------------------------------


@pytest.mark.parametrize("value", ["8:5O", "1O:O5", "OO27", "O8l3"])
def test_scanned_table_rows_keep_their_times_and_ids(value):
    assert covered(value, values(_SCANNED_TABLE))


def test_a_table_row_after_a_header_is_no_broken_line():
    fixed, _, _ = repaired(_SCANNED_TABLE)
    assert fixed.splitlines()[1].startswith("8:50  0027")
    assert fixed.splitlines()[2].startswith("10:05 0813")


def test_a_number_a_line_break_cut_is_still_joined():
    fixed, _, _ = repaired("住所 錦町\n3-5-18")
    assert "錦町3-5-18" in fixed


@pytest.mark.parametrize(
    "text",
    [
        "CO2 50 mmHg, pO2 8O",
        "Ver l.2 released",
        "Hb 12.O g/dL",
        "O8:1O  ペール5OL   4  l8.6kg",
        "藤原 ミツ|83|F|網膜中心動脈閉塞症|2.0ATA 90分",
    ],
)
def test_scanned_looking_lab_values_stay(text):
    assert masked_as("OTHER_ID", text) == []


# --- sex codes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("2218-0457 / S35.04.02 / M / 形成外科", "M"),
        ("ｼﾒｲ:ｼｭﾐｯﾄ ﾕﾘｱ  ﾈﾝﾚｲ:45  ｾｲ:F", "F"),
        ("ｼﾒｲ ｱﾗｷ ｺｳﾍｲ   (M)  65ｻｲ", "M"),
        ("MRN 00 2207 05, DOB 12 Feb 1951, M", "M"),
        ("Tran Van Hung, DOB 14/02/1998, M", "M"),
    ],
)
def test_sex_codes_beside_an_era_birth_date_or_a_half_width_label(text, value):
    assert value in masked_as("SEX", text)


@pytest.mark.parametrize("text", ["氏名　橋爪 恭子　性別　男・女", "性別 男 / 女", "性別：女性・男性"])
def test_a_printed_pair_is_masked_whole(text):
    spans = masked_as("SEX", text)
    assert any("男" in s and "女" in s for s in spans)


@pytest.mark.parametrize(
    "text", ["男女比 1:2、男・女別に集計", "v1.2.3 版 M 社製", "S1.2.3 F3 vertebra", "Seen 12 Feb 2026, F/U in 2 weeks"]
)
def test_counts_and_codes_without_a_cue_stay(text):
    assert masked_as("SEX", text) == []


# --- seats and chart numbers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("from Jakarta)   Seat 座席: 34K\nName 氏名: SUSAN", "34K"),
        ("ﾋﾞﾝ TG672  ｻﾞｾｷ 51C\nｼﾒｲ", "51C"),
        ("麻しん疑い。本人座席 26C、前後2列の乗客", "26C"),
        ("座席番号：12A", "12A"),
    ],
)
def test_a_seat_after_its_word(text, value):
    assert value in found("seat-number", text)


@pytest.mark.parametrize("text", ["座席 2列目に着席", "Seat belt 3 points", "前後2列（24A〜28F）の乗客", "座席数 120"])
def test_seat_look_alikes_stay(text):
    assert found("seat-number", text) == []


def test_a_chart_number_glued_to_its_word():
    assert "1187" in found("seat-number", "健太くん（カルテ1187）はインフルエンザ")


@pytest.mark.parametrize("text", ["カルテ2枚を確認", "カルテ123ページ", "カルテ12"])
def test_chart_counts_stay(text):
    assert found("seat-number", text) == []


# --- year ranges, ages, times, numbers after a label ----------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("Tried: atomoxetine 80 mg (2017–2018) – insufficient", "2017–2018"),
        ("メチルフェニデート（2015〜2019）内服", "2015〜2019"),
        ("sertraline (2019-present)", "2019-present"),
    ],
)
def test_a_bracketed_year_range_of_history(text, value):
    assert value in found("event-year", text)
    assert covered(value, values(text))


@pytest.mark.parametrize("text", ["JSH (2014-2019)", "guidelines (2017–2018)", "flu (2019-2016)", "(2017-2018 season)"])
def test_guidance_and_backward_ranges_are_no_history(text):
    assert found("event-year", text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("在宅酸素の方：濱田 イネ（ハマダ イネ）、93、字本村。", "93"),
        ("訪問：佐藤 花子、45、独居", "45"),
        ("性 別 M   年 齢 41\n所 属 救急外来", "41"),
    ],
)
def test_an_age_between_commas_after_a_name(text, value):
    assert value in masked_as("AGE", text)


@pytest.mark.parametrize("text", ["投与 アムロジピン 5、10、20 mg", "評価 A群、12、B群", "1年 令和8年"])
def test_numbers_in_lists_are_no_age(text):
    assert masked_as("AGE", text) == []


def test_a_time_before_the_ward_stays_a_time():
    assert "7:15" in masked_as("TIME", "（6:42受付、7:15病棟へ確認電話")
    assert "7階東病棟" in masked_as("DEPARTMENT", "7階東病棟へ転棟")


def test_a_number_after_a_label_in_kana():
    assert covered("３０４－５５１９", values("なまえ：もりやま あいこ　ばんごう：３０４－５５１９"))


@pytest.mark.parametrize("text", ["WBC：3300-8600", "基準値：150-350", "投与量：100-200 mg"])
def test_ranges_after_a_label_stay(text):
    assert values(text) == []


def test_a_tables_bar_after_a_date_is_no_one():
    assert "12/1" in values("12/1|上野 颯真|1|ホクナリンテープ")
    assert "12/1|" not in values("12/1|上野 颯真|1|ホクナリンテープ")
    assert "2O26/12/|5" in values("受付 2O26/12/|5 に来院")
