"""Forms of the twenty-second round (blind-final43..44 once spent, blind-dev145..): each with its look-alikes."""

from __future__ import annotations

import pytest

from phi_core.extractors import rules
from tests.extractors.recall_probes import found, masked, values


def _balanced(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.category) for s in rules.extract_spans(text)]


# --- dates and times ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("死亡日時：令和7年1月9日 午前 4時12分　診療科", "午前 4時12分"),
        ("返還：1月9日 午後\u30003時頃に引渡し", "午後\u30003時"),
        ("受付 午後14:30", "午後14:30"),
    ],
)
def test_a_time_takes_its_morning_or_afternoon_word_across_one_blank(text, value):
    assert (value, "TIME") in _balanced(text)


@pytest.mark.parametrize("text", ["午前中 3時間かけて点滴", "午後 3回目の投与"])
def test_a_duration_or_a_count_after_the_word_is_no_time(text):
    assert not any(category == "TIME" for _, category in _balanced(text))


def test_the_last_day_of_a_month_belongs_to_its_date():
    assert ("２０２５年２月末日", "OTHER_DATE") in masked("返却予定：２０２５年２月末日まで")
    assert "２０２５年２月末" in values("返却予定：２０２５年２月末まで")


def test_a_year_of_an_era_glued_to_a_death_is_a_date():
    assert "H27" in values("現病歴：一人娘で、母（H27死去）亡き後は父と二人暮らし")


# --- people ----------------------------------------------------------------------------------------


def test_a_name_after_kin_in_a_list_of_those_present_is_a_person():
    found = values("2023/10/17\t本人・夫・堤\t胃瘻\n2024/07/23\t同席：夫・娘・原\tTPPV")
    assert found.count("堤") == 1 and "原" in found


def test_kin_after_kin_in_a_list_is_no_name():
    assert "孫" not in values("面会｜宇野 和美・宇野 翼｜長女・孫｜3F 302")
    assert not any(v in ("家族", "妹") for v in values("本人・家族へ説明。母・妹・中"))


def test_a_latin_name_ends_at_a_wide_blank_before_the_next_field():
    text = "Name of consenting relative / 承諾者: NGUYEN Thi Lan\u3000Relationship / 続柄: Wife"
    assert "NGUYEN Thi Lan" in values(text)
    assert "TAUFA Vaipulu" in values("氏\u3000名：タウファ・ヴァイプル（TAUFA Vaipulu）\n生年月日")
    assert "JST" not in values("Received: 2025-05-09 12:37 JST\u3000From: 0562-47-1234")


def test_nicknames_in_hiragana_that_talk_in_a_chat_are_people():
    chat = (
        "06:58 よしだ：夜勤おつかれさま\n07:01 ちえ@日勤L：了解です\n07:03 よしだ：ありがとう\n07:12 ちえ@日勤L：はい\n"
    )
    assert values(chat).count("よしだ") == 2 and values(chat).count("ちえ") == 2


def test_a_word_a_log_repeats_before_its_colon_is_no_nickname():
    assert "めも" not in values("07:00 めも：体温 36.5\n08:00 めも：なし\n")


@pytest.mark.parametrize("text, name", [("224号室\u3000李 偉 様（リ ウェイ）", "李 偉"), ("魏 国強 先生", "魏 国強")])
def test_a_chinese_family_name_of_every_script_opens_a_name(text, name):
    assert name in values(text)


def test_an_age_and_sex_written_together_in_brackets_before_a_diagnosis():
    found = masked("対象 5東 508 の 森下さん（76M 肺癌、3/9 4:05 永眠）")
    assert ("76", "AGE") in found and ("M", "SEX") in found
    assert not any(category == "AGE" for _, category in masked("山田さん（5F 会議室）"))


# --- wards and rooms -------------------------------------------------------------------------------


def test_a_room_and_bed_after_a_ward_and_a_dash():
    assert "508-2" in values("森下 光男さん 76M\u3000呼吸器内科／5東-508-2\nID:20583391")
    assert not any(v.startswith("12") for v in values("内科-12 件"))


def test_a_ward_of_a_kana_kind_keeps_its_floor():
    assert ("3階緩和ケア病棟", "DEPARTMENT") in masked("３）3階緩和ケア病棟の看護師さんたちにお礼を言いたい。")


# --- ages, sexes and addresses -----------------------------------------------------------------------


def test_an_age_and_sex_after_a_masked_record_number():
    found = masked("1) I.F. (ID ****1872) 68 F  R MCA bif 4.8mm")
    assert ("68", "AGE") in found and ("F", "SEX") in found


def test_an_age_after_a_birth_date_and_a_sex_code_in_a_semicolon_row():
    found = masked("ID;Name;DOB;Sex;Age\nNSG-0041127;WATANUKI Kyoko;1968-09-30;F;56;Lt IC-PCom 7.1mm;coil;2024-10-03")
    assert ("56", "AGE") in found
    assert ("7", "AGE") not in found


def test_an_age_glued_to_its_sex_after_a_comma_of_prose():
    found = masked("救急隊から先着連絡、58F 右麻痺? 左麻痺?")
    assert ("58", "AGE") in found and ("F", "SEX") in found
    assert not any(category == "AGE" for _, category in masked("本館、12F 会議室"))


@pytest.mark.parametrize(
    "text, value",
    [
        ("\u3000せせらぎ市本町1-4-22\n", "せせらぎ市本町1-4-22"),
        ("妻と二人暮らし。汐見市鵠沼松が岡3-15-9 の戸建て", "汐見市鵠沼松が岡3-15-9"),
    ],
)
def test_a_coined_city_with_its_town_and_block_is_an_address(text, value):
    assert (value, "ADDRESS") in masked(text)


@pytest.mark.parametrize("text", ["学区内1-2 年生", "地区センター1-2 番", "投与量は市販薬3-4錠"])
def test_a_block_after_a_word_of_district_is_no_coined_city(text):
    assert found("address-tail", text) == []
