"""Forms of the nineteenth round (blind-final36..38 once spent, blind-dev103..110): each with its look-alikes."""

from __future__ import annotations

import pytest

from phi_core.extractors.recognizers.scan_damage import repaired
from tests.extractors.recall_probes import balanced_masked, found, masked, masked_as, values


# --- an operating theatre by its number before the word ------------------------------------------


@pytest.mark.parametrize(
    "text, room",
    [
        ("手術日 2024年10月15日\u30001番室\u3000呼吸器外科", "1"),
        ("発生場所：中央手術部 3番手術室", "3"),
        ("ハイブリッド手術室（10番室）心臓血管外科", "10"),
        ("┃4ごうしつ\u3000みずの ひまり ちゃん", "4"),
    ],
)
def test_a_theatre_or_a_room_by_its_number(text, room):
    assert room in masked_as("OTHER_ID", text)


@pytest.mark.parametrize("text", ["3番目の症例を先に行う。", "第2番室は使用中止。", "12番室外機の点検"])
def test_an_order_or_a_numbered_thing_stays(text):
    assert masked_as("OTHER_ID", text) == []


# --- a login that made or printed a record ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, login",
    [
        ("Exported from PFT DB 2024-10-16 09:31 by morita", "morita"),
        ("Printed 2024/11/28 07:15 by matsuura", "matsuura"),
        ("出力日時 2024-11-20 18:05  出力者 tanabe\n検体番号,採血日", "tanabe"),
    ],
)
def test_a_login_after_its_time_stamp_or_its_word(text, login):
    assert login in masked_as("PHYSICIAN_NAME", text)


@pytest.mark.parametrize(
    "text", ["Family called 13:05 by phone, will come at 15:00.", "Reviewed 12/3 by hand at the desk, no change."]
)
def test_by_and_an_english_word_stays(text):
    assert masked_as("PHYSICIAN_NAME", text) == []


# --- HL7: the message says a person stands there ---------------------------------------------------

_MSH = "MSH|^~\\&|GI|HOSP|||20250217||ORU^R01|1|P|2.5\n"


def test_an_observation_typed_as_a_person_is_a_name_in_both_profiles():
    text = _MSH + "OBX|7|XCN|ASSIST^助手||^河西^まどか||||||F\nOBX|8|ST|COMMENT^所見||出血なし||||||F"
    assert ("河西^まどか", "PHYSICIAN_NAME") in balanced_masked(text)
    assert "出血なし" not in values(text)


def test_a_person_one_field_off_is_not_read_as_a_department():
    text = _MSH + "PV1|1|E|7E^505^3|E|||ER^^^|^三好^航||^工藤^遥|消化器内科"
    spans = balanced_masked(text)
    assert ("工藤^遥", "PHYSICIAN_NAME") in spans
    assert ("工藤", "DEPARTMENT") not in spans


def test_a_department_in_its_field_stays_a_department():
    assert ("内科", "DEPARTMENT") in balanced_masked(_MSH + "PV1|1|O|4W^401^1||||1234^田中^一郎|||内科^^^")


# --- a scanned value's repair never reaches into the next line's word -----------------------------


def test_the_next_segments_letter_is_not_moved_onto_a_name():
    text = "PV1|1|I|7E^705^1||||^三好^航\nOBX|7|ST|X||y"
    fixed, _changed, _origin = repaired(text)
    assert "航\nOBX" in fixed
    assert all("\n" not in value for value, _ in masked(text))


def test_a_number_broken_across_lines_is_still_joined():
    fixed, _changed, _origin = repaired("患者ID 0048\n291 の再検")
    assert "0048291" in fixed


# --- a ward read after its label stops at a table's wide gap -----------------------------------------


def test_a_ward_value_stops_at_the_next_column():
    spans = balanced_masked("病棟      定数 実数  不足  応援元 → 応援者           理由\nICU      4   3")
    assert all("不足" not in value for value, _ in spans)
    assert ("5階東病棟", "DEPARTMENT") in balanced_masked("病棟：5階東病棟   主治医：山田")


# --- care units by their letters: one table ------------------------------------------------------------


@pytest.mark.parametrize("unit", ["CVICU", "BICU", "NICU", "HCU", "MFICU"])
def test_a_care_unit_of_any_kind_is_the_department(unit):
    assert unit in masked_as("DEPARTMENT", f"VA-ECMO 管理チェック表\u3000\u3000{unit} ベッド4")


def test_a_unit_word_inside_a_longer_word_stays():
    assert masked_as("DEPARTMENT", "ABICUS社の機器") == []


# --- a supplier's branch office and a day service by its coined name --------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("FAX送信先：ミナト在宅ケア 港北営業所 御中", "ミナト在宅ケア 港北営業所"),
        ("現地業者：関西酸素サービス 吹田営業所 TEL 06-6170-2211", "関西酸素サービス 吹田営業所"),
        ("9:31 村井(もりの郷デイ)", "もりの郷デイ"),
        ("9月30日\u3000デイ（つばさデイ）へ。", "つばさデイ"),
    ],
)
def test_a_suppliers_office_or_a_day_service_by_its_name(text, name):
    assert name in masked_as("HOSPITAL_NAME", text)


@pytest.mark.parametrize(
    "text",
    [
        "振込先：みなと銀行 二俣川支店 普通",
        "当社の営業所に連絡",
        "9 シックデイ時の対応",
        "今日はデイ利用日なので",
        "リハデイ 週2回",
    ],
)
def test_a_bank_a_plain_office_or_a_sick_day_stays(text):
    assert masked_as("HOSPITAL_NAME", text) == []


# --- a handover's two sides, and English departments joined by & or and -------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("送り：工藤\u3000受け：根本、Hoang", "根本"),
        ("送り：工藤\u3000受け：根本、Hoang", "Hoang"),
        ("送り:橋爪Ns(ICU) 受け:平良Ns", "平良"),
    ],
)
def test_who_handed_over_and_who_took_the_patient(text, name):
    assert name in masked_as("PHYSICIAN_NAME", text)


@pytest.mark.parametrize(
    "text", ["奥様へ申し送り：夜間トイレ 2回程度", "見送り：なし", "受け：調理 済", "受け：PACU 遠藤"]
)
def test_a_handover_word_of_its_own_or_a_common_word_stays(text):
    assert found("handover-name", text) == []


@pytest.mark.parametrize(
    "text, department",
    [
        (
            "OPERATIVE NOTE — Plastic & Reconstructive Surgery, Kitahama Memorial Hospital",
            "Plastic & Reconstructive Surgery",
        ),
        ("Gastroenterology and Hepatology Unit", "Gastroenterology and Hepatology Unit"),
    ],
)
def test_an_english_department_of_joined_specialties_or_a_ward(text, department):
    assert any(department in value for value in values(text))


def test_a_doctor_and_a_specialty_are_not_one_department():
    assert "Dr Smith and Surgery" not in masked_as("DEPARTMENT", "Dr Smith and Surgery team met at 10.")


def test_a_city_ward_in_english_is_no_department():
    assert masked_as("DEPARTMENT", "lives in Hodogaya ward, near the station") == []
