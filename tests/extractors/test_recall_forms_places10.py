"""recall-first on departments with their service, room or post, wards with a unit in brackets, English ward
codes, check-up plazas, screening bodies, coined homes and disability services, and their look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked


def _of(category: str, text: str) -> list[str]:
    return [value for value, cat in masked(text) if cat == category]


# --- a department with what it runs, a room of it, a post in it ------------------------------------


@pytest.mark.parametrize(
    "text, unit",
    [
        ("退院後は 精神科デイケア へ週2回通う予定。", "精神科デイケア"),
        ("利用記録　心療内科デイ・ナイトケア\n利用者：", "心療内科デイ・ナイトケア"),
        ("午後は精神科ショートケアに参加。", "精神科ショートケア"),
        ("※ 本名簿は 泌尿器科外来 で保管する。", "泌尿器科外来"),
    ],
)
def test_a_department_with_its_service_or_clinic_is_one_unit(text, unit):
    assert unit in found("department-word", text)


@pytest.mark.parametrize(
    "text, department",
    [
        ("実施場所：眼科処置室\n処置：霰粒腫切開", "眼科"),
        ("於：耳鼻咽喉科第2診察室", "耳鼻咽喉科"),
        ("院長 吉住 浩（整形外科部長）のあいさつ", "整形外科"),
        ("承認：腎臓内科医長 石毛", "腎臓内科"),
    ],
)
def test_a_department_before_a_room_or_a_post(text, department):
    assert department in found("department-word", text)
    assert any(department in value for value in [v for v, _ in masked(text)]), masked(text)


@pytest.mark.parametrize(
    "text",
    ["内科的治療を継続する。", "外科的切除の適応なし。", "眼科検診を勧める。", "和室で休む。", "科学的根拠に乏しい。"],
)
def test_a_department_word_running_on_into_another_stays(text):
    assert not _of("DEPARTMENT", text), masked(text)


def test_the_reading_department_before_a_named_doctor_is_of_record():
    assert "放射線科" in found("department-word", "カテ先端位置は良好（放射線科 宮城）。")
    assert "放射線科" in found("department-word", "確認済（放射線科 大野医師）")


@pytest.mark.parametrize(
    "text",
    [
        "放射線科にて読影。",
        "放射線科 読影室 で保管。",
        "放射線科の所見を参照。",
        "TEL 03-0000-0000\n放射線診断科 佐藤 直樹\n",
    ],
)
def test_the_reading_department_alone_stays(text):
    assert "放射線科" not in found("department-word", text)


def test_a_unit_before_a_staff_word_is_the_unit_of_record():
    assert "内視鏡センター" in found("department-word", "実施 内視鏡センター　技師 松木 香")


# --- wards with a unit in brackets, English codes and short forms ----------------------------------


@pytest.mark.parametrize(
    "text, unit",
    [
        ("病棟　5階西(HCU)　床 3", "5階西(HCU)"),
        ("転棟元：3東（NICU）", "3東（NICU）"),
        ("病棟：NICU後方(GCU)\n面会", "NICU後方(GCU)"),
        ("(patient K.M., 7E ward, bed 701)", "7E ward"),
        ("Ward / Bed: Cardiology 6B / 12", "Cardiology 6B"),
        ("Location: Onc Day Unit chair 4", "Onc Day Unit"),
        ("Peds Clinic follow-up in 2 weeks", "Peds Clinic"),
        ("Onc Day     12/03  no erythema", "Onc Day"),
    ],
)
def test_ward_and_unit_forms(text, unit):
    assert unit in found("ward-code", text)


@pytest.mark.parametrize(
    "text",
    [
        "Stage 2A disease, no nodes.",
        "Type 2 DM on metformin.",
        "Onc consult requested.",
        "Hepatitis B vaccine x3.",
        "Vitamin B12 low.",
        "CT (ICU) portable.",
        "5W LED lamp, 3T magnet",
    ],
)
def test_ward_code_look_alikes(text):
    assert not found("ward-code", text)


# --- facilities by their heads: plazas, screening bodies, homes -------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("検診機関：みなみ野健診プラザ　御中", "みなみ野健診プラザ"),
        ("前回画像（つばさ健診プラザ）を取り寄せ", "つばさ健診プラザ"),
        ("問合せ　大宮検診協会 048-000-0000", "大宮検診協会"),
        ("入所判定待ち：ひかりの里ホーム、12月面接", "ひかりの里ホーム"),
        ("前回健診：相模予防医学協会（巡回バス）", "相模予防医学協会"),
    ],
)
def test_plazas_screening_bodies_and_homes_are_facilities(text, name):
    assert name in found("facility-compound", text)


@pytest.mark.parametrize(
    "text",
    [
        "日本医学放射線学会の指針に従う。",
        "日本対がん協会の調査では",
        "発注先：メディホーム湘南 御中",
        "有料老人ホームに入居中。",
        "ホームドクターに相談。",
        "マイホームを購入した。",
        "駅前プラザで買い物。",
    ],
)
def test_societies_suppliers_and_kinds_are_no_facility(text):
    assert not found("facility-compound", text)


# --- disability services named by a coined word after their kind -----------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("就労移行支援事業所（ワークステップ北口）の見学を予定", "ワークステップ北口"),
        ("木曜は就労継続支援B型ひだまり工房の作業日", "ひだまり工房"),
        ("施設（グループホームなごみ）へ退院", "グループホームなごみ"),
    ],
)
def test_a_service_named_after_its_kind(text, name):
    assert any(name in value for value in found("facility-kind", text)), found("facility-kind", text)


@pytest.mark.parametrize(
    "text",
    [
        "精神科デイケア（大規模）の請求",
        "デイサービス（週2回）は継続",
        "デイケア（ショートケア）に変更",
        "就労継続支援B型の利用を検討",
        "事業所（担当 中澤）",
    ],
)
def test_what_a_service_does_is_no_name(text):
    assert not found("facility-kind", text)


# --- a room that is a unit, alone in brackets; a place glued after a facility's head as its branch ---


@pytest.mark.parametrize(
    "text, room",
    [
        ("記録\n右冠動脈へ PCI（カテーテル室）\n確認医師", "カテーテル室"),
        ("記録\n面談：対面（健康管理室）で実施", "健康管理室"),
        ("記録\nQ3 (内視鏡室)：前処置の問い合わせ", "内視鏡室"),
    ],
)
def test_a_unit_room_alone_in_brackets(text, room):
    assert room in found("department-unit", text)


@pytest.mark.parametrize(
    "text",
    [
        "記録\n病室は 5東 502号室（個室）。",
        "記録\n面談（面談室B）",
        "記録\n吸入指導（喘息教室）",
        "記録\n14:00（会議室）",
        "血管造影記録（血管造影室）\n日付",
    ],
)
def test_rooms_anyone_has_and_titles_stay(text):
    assert not [v for v in found("department-unit", text) if v.endswith("室")]


@pytest.mark.parametrize(
    "text, name",
    [
        ("販売店：ヒアリングプラザ船橋 担当 根本", "ヒアリングプラザ船橋"),
        ("紹介先：すずかけクリニック銀座 で再診", "すずかけクリニック銀座"),
    ],
)
def test_a_place_glued_after_the_head_is_a_branch(text, name):
    assert name in found("facility-compound", text)


@pytest.mark.parametrize("text", ["県立病院横浜市中区", "救命救急センター長 面談", "総合病院内で転倒"])
def test_an_address_or_a_post_after_the_head_is_no_branch(text):
    assert not found("facility-compound", text)


# --- English department fields and facility codes in machine messages ------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("Dr. Saga R.   Dept: Cardiology\nHookup: 10:05", "Cardiology"),
        ("Age : 35\nDepartment       : ER\nSample type", "ER"),
        ("Division: Onc  Bed 3", "Onc"),
    ],
)
def test_an_english_department_field(text, value):
    assert value in found("department-unit", text)


@pytest.mark.parametrize("text", ["Dept: Radiology", "Unit: mg/dL", "Department of the patient: unknown"])
def test_english_field_look_alikes(text):
    assert not found("department-unit", text)


@pytest.mark.parametrize(
    "text, code",
    [("site SATOMI_KINEN_HP bed ICU-4", "SATOMI_KINEN_HP"), ("MSH|^~\\&|RIS|TOKYO-GEN-HOSP|", "TOKYO-GEN-HOSP")],
)
def test_a_facility_code_in_a_machine_message(text, code):
    assert code in found("latin-facility", text)


@pytest.mark.parametrize("text", ["HP-1 model", "10HP motor", "Hb 12, HP_low flag"])
def test_codes_that_are_no_facility(text):
    assert not found("latin-facility", text)
