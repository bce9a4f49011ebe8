"""recall-first on clinics joined by a dot or named beside a facility, centres of a department, ER as a place
moved from, wards by wing then floor, hamlets by 字, clinics named by kind then family, addresses wrapped
onto the next line, and their look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import covered, found, masked, masked_as, values


# --- clinics and centres of a department ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, unit",
    [
        ("禁煙外来 初診問診票　　北浜中央病院 呼吸器・禁煙外来\n記入日", "呼吸器・禁煙外来"),
        ("月次集計　皮膚・性感染症外来\n指標症例 14件", "皮膚・性感染症外来"),
        ("紹介先：整形外科・スポーツ外来", "整形外科・スポーツ外来"),
        ("18:30〜20:00　場所：依存症外来 集団療法室", "依存症外来"),
        ("みなと中央病院 物忘れ外来\n受付", "物忘れ外来"),
    ],
)
def test_a_clinic_joined_to_a_department_or_beside_a_facility_is_a_unit(text, unit):
    assert unit in found("department-unit", text)
    assert covered(unit, values(text)), masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "漢方外来・鍼灸外来を併設している。",
        "次回外来は2週後。",
        "本日の外来・病棟業務",
        "場所：次回外来にて説明",
        "禁煙外来では保険診療の条件を満たす必要がある。",
    ],
)
def test_a_clinic_named_by_when_or_in_a_sentence_is_left_alone(text):
    assert found("department-unit", text) == []


def test_a_centre_named_by_its_department_is_one_unit():
    text = "開催 2026年5月12日（火）17:30　肥満外科センター\n対象："
    assert "肥満外科センター" in found("department-word", text)


@pytest.mark.parametrize(
    "text, er",
    [("admission (from ER 03:12)  DT-120", True), ("transferred to ER at 02:10", True),
     ("ER 90%, PgR 40%", False), ("ER-positive, HER2 1+", False), ("from ERCP findings", False)],
)  # fmt: skip
def test_er_after_a_word_of_movement_is_a_place(text, er):
    assert ("ER" in found("department-unit", "x\n" + text)) is er


# --- wards by wing and floor ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, ward",
    [("指示せん（紙運用）\n西 2階 218号室  内藤 キヨ 様", "西 2階"), ("転棟先 東4階病棟 412", "東4階病棟"),
     ("病棟 南3階 / 305", "南3階")],
)  # fmt: skip
def test_a_ward_by_wing_then_floor_before_its_room(text, ward):
    assert any(ward in value for value in found("ward-code", text))


@pytest.mark.parametrize("text", ["検査室は西2階です。", "北 3階 2024年に改装", "東2階 3.5 cm"])
def test_a_wing_and_floor_without_a_room_or_ward_is_left_alone(text):
    assert found("ward-code", text) == []


# --- hamlets by 字 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, hamlet",
    [
        ("12/3　7:10　字東浜　　なかむら とめ　88　往診", "字東浜"),
        ("在宅酸素の方：濱田 イネ、93、字本村。HOT 1L/min", "字本村"),
        ("16:45　字西ノ浦　ﾔﾏｳﾁ ｺｳｷ", "字西ノ浦"),
        ("住所 南島村字東浜", "字東浜"),
        ("大字上野 123番地", "大字上野"),
    ],
)
def test_a_hamlet_by_aza_is_an_address(text, hamlet):
    assert any(hamlet in value for value in found("hamlet", text))
    assert covered(hamlet, masked_as("ADDRESS", text)), masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "文字が小さく読みにくい。",
        "数字の記載あり、赤字で訂正。",
        "字幕付きの動画で説明。",
        "T字杖で歩行、3字まで。",
        "字が書けない",
    ],
)
def test_aza_inside_a_word_of_writing_is_no_hamlet(text):
    assert found("hamlet", text) == []


# --- clinics named by kind then family --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("吉永さんはレディースクリニック白石を受診予定とのこと。", "レディースクリニック白石"),
        ("紹介元：ペインクリニック佐藤（03-5466-2019）", "ペインクリニック佐藤"),
    ],
)
def test_a_clinic_named_by_its_kind_then_a_family_name(text, name):
    assert name in found("clinic-surname", text)
    assert covered(name, masked_as("HOSPITAL_NAME", text)), masked(text)


@pytest.mark.parametrize("text", ["クリニック受診を勧めた。", "当医院山田先生に相談", "ペインクリニック外来"])
def test_a_clinic_word_then_no_family_name_is_left_to_the_others(text):
    assert found("clinic-surname", text) == []


# --- an address wrapped onto the next line ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, tail",
    [
        ("住所 大阪市城東区今福\n東l-4-22 ｺｰﾎﾟ今福 2O3\nTDS 6点", "ｺｰﾎﾟ今福 2O3"),
        ("住所 大阪市城東区今福\n東1-4-22 コーポ今福 203\n電話", "コーポ今福 203"),
    ],
)
def test_an_address_wrapped_onto_the_next_line_goes_on_there(text, tail):
    assert any(tail in value and "今福\n東" in value for value in masked_as("ADDRESS", text)), masked(text)


def test_a_line_after_an_address_that_is_no_block_number_stays_apart():
    text = "住所 大阪市城東区今福\n電話 06-6931-2200"
    assert not any("電話" in value for value in values(text))


# --- a place's name in quotes after its kind, a clinic's unit, a hotel's room before a Latin address ---


@pytest.mark.parametrize(
    "text, name, category",
    [
        ("メディカルフィットネス「ウェルネススクエア北浜」入会申込書", "ウェルネススクエア北浜", "HOSPITAL_NAME"),
        ("近医「まちかど内科」より紹介", "まちかど内科", "HOSPITAL_NAME"),
        ("住所不定、簡易宿泊所「しおん荘」に滞在", "しおん荘", "ADDRESS"),
    ],
)
def test_a_name_in_quotes_after_its_kind_is_the_place(text, name, category):
    assert (text.index(name), text.index(name) + len(name)) in [
        (c.start, c.end) for c in _candidates("quoted-place", text) if c.category == category
    ]


@pytest.mark.parametrize(
    "text",
    [
        "講演「災害時のストーマ装具の備え」",
        "サロン「ひだまりの会」に参加",
        "本人「少し痛い」",
        "施設「入所は難しい、と」",
    ],
)
def test_a_quote_after_other_words_or_holding_a_sentence_is_no_place(text):
    assert found("quoted-place", text) == []


def test_a_clinics_unit_glued_after_it_keeps_the_name_masked():
    text = "満床につき受入不可とし、くすのき医院病児保育室（0467-22-8000）へ紹介。"
    assert covered("くすのき医院", masked_as("HOSPITAL_NAME", text)), masked(text)


@pytest.mark.parametrize(
    "text, address",
    [
        (
            "日本での滞在先: Hotel Mets Chiba-Chuo 712, 2-1-5 Chuo, Chuo-ku, Chiba\n",
            "Hotel Mets Chiba-Chuo 712, 2-1-5 Chuo",
        ),
        ("Address: Sakura Heights Room 203, 3-2-1 Minato, Minato-ku, Tokyo", "Sakura Heights Room 203, 3-2-1"),
    ],
)
def test_a_building_by_its_kind_and_its_room_open_a_latin_address(text, address):
    assert any(address in value for value in found("latin-address", text))


def test_numbers_before_a_block_without_a_building_word_stay_out():
    assert not any("Dose" in value for value in found("latin-address", "Dose 25, 1-2-3 Chuo, Chuo-ku, Chiba"))


def _candidates(name: str, text: str):
    from phi_core.extractors.profiles_recall_first import supplements
    from phi_core.extractors.recognition.recognizer import Document

    return supplements((name,))[0].find(Document(text))


@pytest.mark.parametrize(
    "text, address",
    [
        ("〒231-0023\n神奈川県横浜市中区山下町118-2 ベイビュー山下 903\n鴨志田 亮 様", "231-0023\n神奈川県"),
        ("資料郵送希望：〒379-2311 みどり市笠懸町阿左美1820-4", "379-2311 みどり市"),
        ("住所：福島県郡山市富田町字稲\n川原12-3\n手帳番号", "字稲\n川原12-3"),
    ],
)
def test_a_postal_code_or_a_wrapped_block_goes_on_with_its_address(text, address):
    assert any(address in value for value in masked_as("ADDRESS", text)), masked(text)


def test_a_label_and_a_telephone_number_after_an_address_line_stay_apart():
    text = "住所 大阪市城東区今福\n電話03-6931-2200"
    assert not any("\n" in value for value in values(text)), masked(text)


@pytest.mark.parametrize(
    "text, unit",
    [
        ("評価シート　形成外科・熱傷センター\n氏名", "形成外科・熱傷センター"),
        ("依頼科：消化器内科・肝臓内科\n", "消化器内科・肝臓内科"),
    ],
)
def test_two_units_joined_by_a_dot_are_one(text, unit):
    assert unit in found("department-word", text)


def test_a_unit_then_a_dot_then_no_unit_stays_the_unit():
    assert found("department-word", "消化器内科・栄養指導を予定") == ["消化器内科"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("入会時メディカルチェック結果（ウェルネススクエア北浜）\n会員", "ウェルネススクエア北浜"),
        ("献血ルーム ミナトみらいスクエア にて採血", "ミナトみらいスクエア"),
    ],
)
def test_a_square_with_its_branch_or_family_is_a_facility(text, name):
    assert name in found("facility-compound", text)


@pytest.mark.parametrize("text", ["クリニック受診）", "センター長）", "スクエア型の装置"])
def test_a_head_then_a_common_word_gets_no_branch(text):
    assert found("facility-compound", text) == []


@pytest.mark.parametrize(
    "text, address",
    [
        ("患者は南大東村字在所に住む", "南大東村字在所"),
        ("本籍 長野県下伊那郡阿智村大字智里 1234番地", "大字智里 1234番地"),
        ("自宅：那覇市首里石嶺町四丁目 ２１５番地の３", "２１５番地の３"),
    ],
)
def test_a_hamlet_takes_its_village_and_lot_and_a_lot_its_branch(text, address):
    assert any(address in value for value in masked_as("ADDRESS", text)), masked(text)


def test_an_age_after_a_hamlet_and_a_space_is_no_lot():
    assert found("hamlet", "字東浜 88歳") == ["字東浜"]


@pytest.mark.parametrize(
    "text, unit",
    [
        ("routed to 医療福祉相談室 per protocol.", "医療福祉相談室"),
        ("transferred from 救命救急センター at 3am", "救命救急センター"),
    ],
)
def test_a_japanese_unit_after_an_english_word_of_movement(text, unit):
    assert unit in found("department-unit", "x\n" + text)


@pytest.mark.parametrize("text", ["moved to 待合室 to wait", "back to 診察室 2", "went to 公園 today"])
def test_a_room_anyone_uses_after_a_word_of_movement_is_no_unit(text):
    assert found("department-unit", "x\n" + text) == []
