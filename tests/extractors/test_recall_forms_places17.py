"""recall-first on extensions written short, in ranges, after a desk or in a call log's columns, wards by wing
and floor; and look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import covered, found, masked_as, values

# --- extensions ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, number",
    [
        ("09:12｜090-4410-2387｜患者本人｜予約変更｜整形外科外来 内 2310｜取次済", "2310"),
        ("地域連携室 西岡 内 2455｜不在→伝言", "2455"),
        ("代表 03-5218-4400（内 321）", "321"),
        ("医師PHS 整外 吉岡 6215 / 内科 三好 6140", "6215"),
        ("医師PHS 整外 吉岡 6215 / 内科 三好 6140", "6140"),
        ("折返し至急\u3000内線つなぐなら 3312 でも可", "3312"),
        ("抽出条件: 内線 6301-6309（6西病棟）", "6309"),
        ("TEL 045-546-Ol1O (内線 324l)", "324l"),
        ("所属     看護部  5東          氏名  菊 地  智 恵       内線  5l52", "5l52"),
    ],
)
def test_an_extension_written_short_or_apart_is_a_facility_phone(text, number):
    assert number in found("extension-number", text)
    assert covered(number, masked_as("FACILITY_PHONE", text)), values(text)


@pytest.mark.parametrize(
    "text",
    [
        "胃内 300 mL の残渣",
        "院内 2345 件の報告",
        "内 120 名が参加",
        "PHS 持参 3台",
        "内線,612 宮原さん",
        "内線電話 工事 2025年",
        "TEL 045-546-0110 (内線 324 L)",
    ],
)
def test_a_number_after_in_or_a_phone_word_that_counts_is_no_extension(text):
    assert found("extension-number", text) == []


_CALL_LOG = (
    "日付,時刻,発信,発信者,着信,着信者,通話時間,区分,メモ\n"
    "2025/02/14,17:42:10,6301,市川,7718,森永,00:01:48,内線,612 宮原さん 悪寒\n"
    "2025/02/14,22:48:19,6302,ｺﾏﾂ,外線 0466-27-3390,,00:04:51,外線発信,\n"
)
_PAGER_LOG = (
    "No  送信時刻   宛先ﾍﾞﾙ  受信者          ﾒｯｾｰｼﾞ\n"
    "01  08:31  4418  久保田(放)   ｿｸﾎｳ CT\n"
    "02  09:02  5117  石黒(呼内)    ﾗｲｲﾝ ｳｹﾂｹ\n"
)


def test_the_calling_and_called_columns_of_a_call_log_hold_extensions():
    assert sorted(found("extension-number", _CALL_LOG)) == ["6301", "6302", "7718"]
    assert sorted(found("extension-number", _PAGER_LOG)) == ["4418", "5117"]


def test_the_other_columns_of_a_call_log_are_no_extension():
    found_here = found("extension-number", _CALL_LOG)
    assert "612" not in found_here and "0466-27-3390" not in found_here
    counts = "日付,件数,区分,備考\n2025/02/14,1234,内線,\n2025/02/15,2210,外線,\n"
    assert found("extension-number", counts) == []
    rooms = "No  時刻   病室  担当\n01  08:31  4418  久保田\n02  09:02  5117  石黒\n"
    assert found("extension-number", rooms) == []


# --- wards by wing and floor ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, ward",
    [
        ("┃当院ID\u30001420-3358\u3000入院病棟\u3000西4階（脳神経外科）", "西4階"),
        ("調査場所  鹿児島南風病院 地域包括ケア病棟 (5階)", "5階"),
        ("追加分 (再採血 6/12 7:30 4 東)", "4 東"),
        ("病棟：東3階\n", "東3階"),
    ],
)
def test_a_ward_by_wing_and_floor_is_a_department(text, ward):
    assert ward in found("ward-name", text)
    assert covered(ward, masked_as("DEPARTMENT", text)), values(text)


@pytest.mark.parametrize(
    "text",
    [
        "検査室は西2階です",
        "関西4階建て",
        "会議室 (5階)",
        "採血 4 東京",
        "結果 12 西",
        "時刻 10:4 東)",
    ],
)
def test_a_floor_in_a_sentence_or_a_building_is_no_ward(text):
    assert found("ward-name", text) == []


# --- addresses joined by の, 丁目 in kanji numerals; a facility's head scanned -----------------------------


@pytest.mark.parametrize(
    "text, address",
    [
        ("自宅 川口市芝塚原2丁目7の15 の玄関で転倒", "2丁目7の15"),
        ("住所 沖縄県浦添市経塚２丁目１４番地の３", "２丁目１４番地の３"),
        ("健軍四丁目町内会\n会長\u3000園田 修", "健軍四丁目"),
    ],
)
def test_an_address_joined_by_no_or_in_kanji_numerals_is_an_address(text, address):
    assert address in found("address-tail", text)
    assert covered(address, masked_as("ADDRESS", text)), values(text)


@pytest.mark.parametrize(
    "text",
    [
        "501の1 山内さん 82歳",
        "丁目の角を曲がる",
        "3丁目の公園",
    ],
)
def test_a_room_and_bed_or_a_street_corner_is_no_address(text):
    assert found("address-tail", text) == []


def test_a_facility_whose_long_vowel_was_scanned_as_one_is_a_facility():
    text = "令和 6年 11月 12日\n堺南部医療センタ一 医療福祉相談室 御中"
    assert covered("堺南部医療センタ一", masked_as("HOSPITAL_NAME", text)), values(text)


# --- a care manager's field holds the agency -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("ケアマネ：ケアサポート黒原 木原さん 093-571-2200", "ケアサポート黒原"),
        ("ケアマネジャー：ケアプランセンターつじどう 宮城 朋美", "ケアプランセンターつじどう"),
    ],
)
def test_a_care_managers_field_holds_the_agency(text, name):
    assert name in found("provider-label", text)
    assert covered(name, values(text)), values(text)


@pytest.mark.parametrize(
    "text",
    [
        "ケアマネ：未定（区分変更申請中）",
        "ケアマネ 関口さんに結果説明",
        "ケアマネ：木原さん",
        "訪問看護 小池さん（訪問看護ステーションあおば）",
    ],
)
def test_a_care_manager_named_by_an_honorific_is_no_agency(text):
    assert found("provider-label", text) == []
