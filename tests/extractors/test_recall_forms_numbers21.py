"""Numbers, fourth round (blind-dev41..43: psychiatry, obstetrics and newborns, the operating theatre).

Each form with the look-alikes it must leave alone.
"""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import balanced_masked, masked, values


def test_a_scan_reads_hi_as_its_look_alike_in_dates_and_ages():
    found = values("娩出曰時　　令和 6 年 3 月 l8 曰　午前・(午後)　3 時 4O 分")
    assert "令和 6 年 3 月 l8 曰" in found and "3 時 4O 分" in found
    found = values("1 か 月 児 健 康 診 査　　　2O25 年 8 月 4 曰 実施（生後 3l 曰）")
    assert "2O25 年 8 月 4 曰" in found and "生後 3l 曰" in found
    assert "2024年5月12曰" in values("手術日 2024年5月12曰")


def test_the_word_iwaku_stays_a_word():
    assert masked("本人曰く 眠れない") == []


def test_a_newborns_age_in_days_spaced_by_its_unit():
    assert ("生後 31 日", "AGE") in masked("実施（生後 31 日）")
    assert not [v for v, c in masked("術後 31 日") if c == "AGE"]


def test_a_date_one_character_to_a_box_still_reads_whole():
    assert "2 0 2 6 年 1 2 月 3 日" in values("2 0 2 6 年 1 2 月 3 日")


def test_age_and_sex_glued_in_a_cell_between_full_width_bars():
    found = masked("GS｜ﾀｶｽｷﾞ ﾏｻﾙ（0077301144）｜58M｜小腸部分切除（絞扼）｜GA")
    assert ("58", "AGE") in found and ("M", "SEX") in found
    assert not [v for v, c in masked("｜3F｜病棟｜") if c in ("AGE", "SEX")]


_COTS = (
    "退院予定児 チェック一覧（3階東 新生児室）　作成 2025/6/2\n"
    "コット\t児ID\t母氏名\t出生日\t性別\t日齢\t退院日\tK2②\t代謝\t担当\n"
    "1\t2235561\t中山 絢子\t5/29\t女\t4\t6/3\t済\t済\t大河内\n"
    "4\t2235602\tPham Thi Ngoc\t5/30\t男\t3\t6/4\t未\t未\t上原\n"
    "7\t2235633\t高木 理沙\t5/31\t女\t2\t6/5\t未\t未\t堀"
)


def test_a_newborns_cot_and_day_of_life_columns():
    found = masked(_COTS)
    assert ("1", "OTHER_ID") in found and ("7", "OTHER_ID") in found
    assert ("4", "AGE") in found and ("3", "AGE") in found
    assert not [v for v, c in found if c == "ADDRESS"]  # K2 is a column's code, no place


def test_a_scanned_day_of_life_header():
    text = "曰齢　　　|  体重 (g) | 哺乳力 | 黄疸\n  0      |  2,916   |  普   |  -\n  3      |  2,770   |  強   |  +"
    found = masked(text)
    assert ("0", "AGE") in found and ("3", "AGE") in found
    assert not [v for v, c in found if v.startswith("2,")]


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_surgical_count_is_no_date(extract):
    for text in ("器械・ガーゼ・針カウント一致（ガーゼ 20/20、針 12/12）", "needles 2/2, gauze 4/4", "ｶﾞｰｾﾞ 10/10"):
        assert not [v for v, c in extract(text) if c == "OTHER_DATE"]
    assert ("12/12", "OTHER_DATE") in extract("次回 12/12 受診")


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_scheduling_messages_appointment_number(extract):
    text = (
        "MSH|^~\\&|ORSCHED|KCH|HIS|KCH|20250303161522||SIU^S12^SIU_S12|MSG00018834|P|2.5\n"
        "SCH|OP250306-004^ORSCHED||||||ELECTIVE|SURG|120|min\n"
        "PID|1||000618245^^^KCH^MR||SEGAWA^CHIHIRO||19901001|F"
    )
    assert ("OP250306-004", "OTHER_ID") in extract(text)
    assert not [v for v, c in extract(text) if v in ("ELECTIVE", "SURG", "120")]


def test_a_room_number_said_aloud_in_katakana():
    assert ("406", "OTHER_ID") in masked("ｵｶﾞﾜ ｼｮｳｻﾝ 406ｺﾞｳ ﾃﾞｽｶﾞ")
    assert ("502", "OTHER_ID") in masked("502ゴウシツの方")
    assert not [v for v, c in masked("合計 300ｺﾞｳｹｲ") if v == "300"]


def test_a_number_one_digit_to_a_box_in_the_cell_after_its_label():
    assert ("2 1 0 5 7 7 3", "PATIENT_ID") in masked("│ID　　│2 1 0 5 7 7 3　　　│氏名│木下　信夫")
    assert not [v for v, c in masked("│MMT　　│5 5 4 4　　　│氏名│木下　信夫") if v.startswith("5")]


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_needle_taken_out_on_a_day_is_a_date(extract):
    assert ("2/7", "OTHER_DATE") in extract("ポンプ 46時間（抜針 2/7 11:00 頃、自宅近くの")
    assert ("3/3", "OTHER_DATE") in extract("留置針 3/3 入替")
