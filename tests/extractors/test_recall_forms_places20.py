"""recall-first on community services by their short kind (GHなでしこ, 訪看 うみかぜ), a support office glued to
its kana name, a unit's quoted name, a place word before a coined name, a day-care service written with a dot,
a ward's wing letter, a ward code after 入院, romaji MED CTR, a key=value facility of several words; and
look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked_as, values

# --- community services by their short kind ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("相手: GHなでしこ 夜勤 岡田さん ｹｲﾀｲ 090", "GHなでしこ"),
        ("① 9:20 GHいなげ 鈴木さん→佐伯さんへ", "GHいなげ"),
        ('"さいたま市北区土呂町1-33-8 (GHあおぞら)"', "GHあおぞら"),
        ("同行 東先生、PSW 中谷、訪看 うみかぜ 今村Ns", "うみかぜ"),
    ],
)
def test_a_service_by_its_short_kind_and_a_kana_name_is_a_facility(text, name):
    assert name in found("care-abbreviation", text), found("care-abbreviation", text)


@pytest.mark.parametrize(
    "text",
    [
        "先週からGHで暮らし始めた",
        "・GHルール：飲酒1回目は話し合い",
        "GH世話人 小島さんに様子確認",
        "訪看 加藤 へ訪問依頼",
        "判定：GH 頂値 2.1 ng/mL",
        "GHz 帯の無線",
    ],
)
def test_the_short_kinds_in_prose_name_nothing(text):
    assert found("care-abbreviation", text) == [], found("care-abbreviation", text)


def test_a_support_office_glued_to_its_kana_name():
    text = "相談支援：相談支援事業所はんなん 相談支援専門員 西岡 悟"
    assert "相談支援事業所はんなん" in masked_as("HOSPITAL_NAME", text)


def test_a_units_name_in_quotes():
    assert "ひまわり" in masked_as("HOSPITAL_NAME", "> ユニット「ひまわり」に1室空きがございます")


# --- a place word glued before a coined name -------------------------------------------------------------------


def test_a_place_word_before_a_kana_name_and_its_kind_is_part_of_the_name():
    text = "身体的拘束 実施中チェックリスト（1枚/日）\u3000海浜こころの医療センター\n患者：城島 健太"
    assert "海浜こころの医療センター" in masked_as("HOSPITAL_NAME", text)


@pytest.mark.parametrize("text", ["近医さくらクリニック", "他院ひまわり薬局", "本日ひまわり薬局へ"])
def test_a_word_pointing_at_a_place_stays_outside(text):
    spans = masked_as("HOSPITAL_NAME", text)
    assert spans and all(not s.startswith(("近医", "他院", "本日")) for s in spans), spans


# --- departments and wards ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, department",
    [
        ("みどりヶ丘病院\u3000精神科デイ・ケア\u3000出席簿", "精神科デイ・ケア"),
        ("26歳 男\u3000救急病棟A 保護室 A-03", "救急病棟A"),
    ],
)
def test_a_service_written_with_a_dot_and_a_wards_wing_letter(text, department):
    assert department in masked_as("DEPARTMENT", text), masked_as("DEPARTMENT", text)


def test_a_ward_letter_after_a_space_stays_outside():
    assert "外科病棟 A班" not in values("外科病棟 A班 のカンファ")


def test_a_ward_code_after_admission():
    assert "5E" in found("ward-code", "女 21:14 救 右股痛 3 小宮山 入院 5E 待ち")
    assert found("ward-code", "入院 3日目 経過良好") == []


# --- romaji and key=value facilities -----------------------------------------------------------------------------


def test_a_romaji_facility_by_its_english_short_kind():
    assert "KAIHIN KOKORO MED CTR" in found("latin-facility", "FROM :KAIHIN KOKORO MED CTR   FAX NO. :043")
    assert found("latin-facility", "TOTAL MED CTR") == []


def test_a_key_values_words_run_to_the_next_key():
    text = "source Institution=KAWAGUCHI CENTRAL CLINIC ReferringPhysician=NOGAMI^T"
    assert "KAWAGUCHI CENTRAL CLINIC" in masked_as("HOSPITAL_NAME", text)
    assert all("ReferringPhysician" not in v for v in values(text)), values(text)
    assert "admin" in values("user=admin action=login")
