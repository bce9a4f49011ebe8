"""recall-first on wards named by a kind in katakana, departments with their floor or a doctor glued on,
English specialties and wards, Latin addresses in the Japanese order, addresses wrapped onto an indented
line or going on to a residence's room, medical corporations before their hospital, homes named
"…の郷/の里" in kanji or kana, and the look-alikes each must leave alone."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import covered, found, masked, masked_as

# --- wards and departments ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, ward",
    [
        ("園芸療法　活動記録表　（回復期リハビリテーション病棟 屋上庭園）", "回復期リハビリテーション病棟"),
        ("場所：回復期リハビリ病棟 デイルーム", "回復期リハビリ病棟"),
        ("仲村様は2月6日に3東病棟から地域包括ケア病棟へ転棟されました。", "地域包括ケア病棟"),
        ("9月8日に当院緩和ケア病棟へ入棟されました", "緩和ケア病棟"),
    ],
)
def test_a_ward_named_by_a_kind_in_katakana_is_a_department(text, ward):
    assert ward in found("department-word", text)
    assert ward in masked_as("DEPARTMENT", text)


@pytest.mark.parametrize("text", ["転棟先病棟は未定", "各病棟で周知する", "一般病棟へ戻る", "ナースステーションで確認"])
def test_a_word_pointing_at_a_ward_names_none(text):
    assert not found("department-word", text)


def test_a_department_with_its_floor_is_one_unit():
    assert "内科5F" in masked_as("DEPARTMENT", " ・内科5F のカンファで毎週確認する")


def test_a_doctor_glued_to_the_department_leaves_it_a_department():
    assert "形成外科" in masked_as("DEPARTMENT", "来院 11:15、形成外科嶋Dr 診察 → 切開なし")


@pytest.mark.parametrize("text", ["外科的治療を検討", "内科医 3名で対応", "内科的に加療"])
def test_a_department_word_running_into_another_word_stays_unmasked(text):
    assert not masked_as("DEPARTMENT", text)


@pytest.mark.parametrize(
    "text, unit",
    [
        ("Time: 3:15 PM   Setting: Palliative Care Unit, Rm 8B-04", "Palliative Care Unit"),
        ("Signed: M. Hirata, MD  Critical Care Medicine", "Critical Care Medicine"),
        ("Location: Onc Day Unit chair 7", "Onc Day Unit"),
        ("Donor's wife, Keiko Thornton, on 6 West", "6 West"),
        ("Ward: East 4, room 408", "East 4"),
        ("Location: Dialysis Unit bay 4", "Dialysis Unit"),
        ("Admitted to 7th floor East ward", "7th floor East ward"),
    ],
)
def test_an_english_specialty_or_ward_is_a_department(text, unit):
    assert unit in found("english-department", text)
    assert covered(unit, masked_as("DEPARTMENT", text)), masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "per the Society of Critical Care Medicine guideline",
        "Evidence Based Medicine was taught.",
        "density 40 Hounsfield Unit",
        "Stage 2 East cohort",
        "Traditional Chinese Medicine was declined.",
        "fell from the 2nd floor at home",
        "Insulin Unit dose",
        "per Central Processing Unit",
        "Iwakura Medical Center Kampo Medicine",
    ],
)
def test_titles_measures_and_counted_numbers_are_no_department(text):
    assert not found("english-department", text)


# --- addresses -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, address",
    [
        ("Address in Japan: Saitama-ken Soka-shi Yatsuka 1-18-2\n1. Fever", "Saitama-ken Soka-shi Yatsuka 1-18-2"),
        ("8. Home address on file: Shinagawa-ku, Higashi-Oi 1-9-3-604.", "Shinagawa-ku, Higashi-Oi 1-9-3-604"),
        ("LIVING: home, Saitama-shi Minuma-ku Higashi-Omiya 4-22-15", "Saitama-shi Minuma-ku Higashi-Omiya 4-22-15"),
    ],
)
def test_a_latin_address_in_the_japanese_order_is_one_address(text, address):
    assert address in found("latin-address", text)
    assert covered(address, masked_as("ADDRESS", text)), masked(text)


@pytest.mark.parametrize("text", ["Lot 12-3 expires", "Protocol KS-12 1-2-3 arm", "pH 7-8 range"])
def test_numbers_without_a_place_word_are_no_latin_address(text):
    assert not found("latin-address", text)


def test_an_address_wrapped_onto_an_indented_line_is_one_address():
    text = "住　所　大阪府東大阪市\n　　　　 長田東2-8-31-405\n経　路　近鉄バス"
    assert "大阪府東大阪市\n　　　　 長田東2-8-31-405" in masked_as("ADDRESS", text)


def test_a_field_at_the_margin_after_a_city_is_not_joined():
    text = "住所：大阪府東大阪市\n電話：06-6781-2345"
    assert not any("\n" in v for v in masked_as("ADDRESS", text))


def test_a_residence_and_its_room_after_an_address_belong_to_it():
    text = "新配送先　千葉県松戸市小金きよしケ丘2-9-4 グループホームこがね 3号室（入居のため）"
    assert "千葉県松戸市小金きよしケ丘2-9-4 グループホームこがね 3号室" in masked_as("ADDRESS", text)


# --- facilities ----------------------------------------------------------------------------------------


def test_a_medical_corporation_joins_its_hospital_after_a_label():
    text = "送信 2026.02.24 16:02　送信元 医療法人 清和会 北浜病院（06-6231-4470）"
    assert "医療法人 清和会 北浜病院" in masked_as("HOSPITAL_NAME", text)


@pytest.mark.parametrize(
    "text, home",
    [
        ("動物介在活動 参加可否一覧（あおぞらの郷 2階）", "あおぞらの郷"),
        ("入所施設：白百合の里（0476-24-3300）", "白百合の里"),
        ("紹介元：片倉の杜", "片倉の杜"),
    ],
)
def test_a_home_named_after_a_landscape_is_a_facility(text, home):
    assert home in found("business-name", text)
    assert covered(home, masked_as("HOSPITAL_NAME", text)), masked(text)


@pytest.mark.parametrize(
    "text", ["夏は 実家の里帰り", " この森を散歩", "自宅（山の丘）", "（こどもらの家）", "（祖母の家）", "「故郷の山」"]
)
def test_a_place_in_general_or_a_persons_house_is_no_home(text):
    assert not found("business-name", text)


@pytest.mark.parametrize(
    "text, ward",
    [("記録　精神科病棟 東2\n実施：11月5日", "精神科病棟 東2"), ("内科病棟 4B に転棟", "内科病棟 4B")],
)
def test_a_ward_by_its_kind_then_its_wing_or_code_is_one_place(text, ward):
    assert ward in masked_as("DEPARTMENT", text)


def test_a_block_after_a_ward_is_not_its_wing():
    assert "精神科病棟 東3" not in found("department-word", "精神科病棟 東3丁目")


@pytest.mark.parametrize(
    "text, lab",
    [
        ("大阪北部臨床遺伝ラボ\n〒564-0051", "大阪北部臨床遺伝ラボ"),
        ("委託先：みらい臨床ラボラトリー", "みらい臨床ラボラトリー"),
    ],
)
def test_a_testing_laboratory_is_a_facility(text, lab):
    assert covered(lab, masked_as("HOSPITAL_NAME", text)), masked(text)


@pytest.mark.parametrize("text", ["検体はラボへ送付", "院内ラボで測定", "カテーテルラボで施行", "ラボデータを確認"])
def test_the_word_lab_alone_is_no_facility(text):
    assert not masked_as("HOSPITAL_NAME", text)


def test_a_scanned_postal_code_joins_the_address_on_the_next_line():
    text = "〒53O-0O47\n大阪市北区西天満4丁目3-18 ウエストパレス1l02\n寄附金額"
    assert "53O-0O47\n大阪市北区西天満4丁目3-18 ウエストパレス1l02" in masked_as("ADDRESS", text)


def test_a_block_wrapped_right_after_the_town_is_the_address():
    text = "〒190-0022 東京都立川市錦町\n3-5-18  TEL 042-521-8000"
    assert covered("東京都立川市錦町\n3-5-18", masked_as("ADDRESS", text)), masked(text)


def test_a_date_on_the_line_after_a_town_is_not_its_block():
    text = "住所：立川市錦町\n2024年11月5日 受診"
    assert not any("\n" in v for v in masked_as("ADDRESS", text)), masked(text)


@pytest.mark.parametrize(
    "text, unit",
    [
        ("入室先：ハイケアユニット（HCU）", "ハイケアユニット"),
        ("ストロークケアユニットへ転棟", "ストロークケアユニット"),
    ],
)
def test_a_care_unit_named_in_katakana_is_a_department(text, unit):
    assert unit in found("department-word", text)


@pytest.mark.parametrize("text", ["ユニットケアを導入", "ケアユニットの運用", "ユニット型個室"])
def test_the_unit_word_alone_is_no_department(text):
    assert not found("department-word", text)


def test_a_latin_address_in_the_japanese_order_takes_its_prefecture_before_it():
    text = "Home: Tokyo, Setagaya-ku Kyodo 2-3-4"
    assert "Tokyo, Setagaya-ku Kyodo 2-3-4" in found("latin-address", text)


def test_a_mall_of_clinics_by_its_name_is_a_facility():
    assert covered("湘南メディカルモール", masked_as("HOSPITAL_NAME", "湘南メディカルモール 2F の内科"))
    assert not masked_as("HOSPITAL_NAME", "メディカルモールに入居する")


def test_a_list_bullet_before_a_ward_is_not_part_of_it():
    assert "地域包括ケア病棟" in found("department-word", "・地域包括ケア病棟への転棟基準見直し")


@pytest.mark.parametrize(
    "text, clinic",
    [
        ("歯科受診は口腔顔面痛外来に一本化。", "口腔顔面痛外来"),
        ("ご不明な点は遺伝外来までお電話ください。", "遺伝外来"),
    ],
)
def test_a_clinic_by_a_departments_stem_then_what_it_treats_is_a_department(text, clinic):
    assert clinic in found("department-unit", text)


@pytest.mark.parametrize(
    "text", ["禁煙外来へ紹介", "フレイル外来 評価シート", "次回外来 12/18", "夜間頻尿外来 初診メモ"]
)
def test_a_clinic_named_by_what_it_treats_alone_is_no_department(text):
    assert not found("department-unit", text)


def test_an_organ_system_in_brackets_after_a_clinic_is_its_department():
    assert "泌尿器" in found("department-unit", "現主治医：鹿嶋台クリニック（泌尿器）→ 手術病院は")


@pytest.mark.parametrize("text", ["循環器の合併症あり", "補聴器（右耳）を使用", "人工呼吸器（NPPV）装着"])
def test_an_organ_system_or_a_device_in_prose_is_no_department(text):
    assert not found("department-unit", text)
