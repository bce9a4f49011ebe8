"""Forms of the twentieth round (blind-final39..40 once spent, blind-dev111..120): each with its look-alikes."""

from __future__ import annotations

import pytest

from phi_core.extractors.recognition.letter_spacing import closed_up
from phi_core.extractors.recognizers.scan_damage import repaired
from tests.extractors.recall_probes import balanced_masked, masked, masked_as, values


# --- numbers typed one digit to a box, after a label's colon or with bare separators --------------


def test_a_boxed_number_after_a_labels_colon_is_closed_up():
    fixed, _, _ = repaired("ID：2 0 7 4 4 l 8\n")
    assert fixed.startswith("ID：2074418")
    assert "2 0 7 4 4 l 8" in masked_as("PATIENT_ID", "患者氏名：緒形 信行　ID：2 0 7 4 4 l 8\n")


def test_a_boxed_postal_code_and_block_number_join_their_address():
    text = "ご住所　〒9 8 1-3 1 3 3 宮城県仙台市泉区泉中央 4 丁目 1 8 - 5 - 7 0 3\n"
    assert masked_as("ADDRESS", text) == ["9 8 1-3 1 3 3 宮城県仙台市泉区泉中央 4 丁目 1 8 - 5 - 7 0 3"]


@pytest.mark.parametrize("text", ["評価 1 2 3 4 5 点\n", "時刻 10:3 0 頃\n", "比 1-2 3 4\n"])
def test_scores_and_a_time_after_a_colon_are_not_boxed_numbers(text):
    assert masked_as("PATIENT_ID", text) == [] and masked_as("ADDRESS", text) == []


# --- a label after a drawn table's rule ------------------------------------------------------------


def test_a_spaced_label_after_a_drawn_rule_reads_its_value():
    text = "│住　所　 茅ケ崎市 東海岸北 2-l-3O　　　電話 O9O-7318-2222\n"
    assert ("茅ケ崎市 東海岸北 2-l-3O", "ADDRESS") in balanced_masked(text)


# --- words spaced out letter by letter ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("里帰り 実家 東 久 留 米 市 滝 山\n", "東 久 留 米 市 滝 山", "ADDRESS"),
        ("説明日：12月17日（火）　入院 6 階 西 病 棟\n", "6 階 西 病 棟", "DEPARTMENT"),
        ("受付印 [ 秩 父 保 健 所 ]\n", "秩 父 保 健 所", "HOSPITAL_NAME"),
    ],
)
def test_a_letter_spaced_word_is_read_closed_up(text, value, category):
    assert value in masked_as(category, text)


@pytest.mark.parametrize("text", ["      月 火 水 木 金  備考\n", "コピー / 列: 日付 曜 順 科 ID 患者 年\n"])
def test_a_week_header_and_one_letter_columns_are_no_spaced_word(text):
    assert closed_up(text)[2] == []


def test_a_fractions_digit_stays_outside_a_spaced_word():
    assert closed_up("1/2 本 服 用 す る\n")[2] == [(4, 13)]
    assert masked_as("OTHER_DATE", "1/2 本 服 用 す る\n") == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("利用者：堀 清 様（82歳、男性）\n", "堀 清"),
        ("対象 西園寺 勲 様 男 91歳\n", "西園寺 勲"),
        ("家族：夫 王 磊（+86-138）\n", "王 磊"),
    ],
)
def test_an_honorific_a_relation_or_a_sex_stays_outside_a_spaced_name(text, name):
    assert name in values(text)


def test_a_spaced_family_name_joins_its_given_name_across_the_wider_gap():
    assert ("稲 佐\u3000 康 夫", "PHYSICIAN_NAME") in masked("　　　　　　稲 佐\u3000 康 夫 ㊞\n")


@pytest.mark.parametrize(
    "text", ["記 載 者 五 十 嵐\n", "記 載 者\u3000 五 十 嵐\n", "氏\u3000\u3000名\u3000小 池 サ ダ\u3000（女）\n"]
)
def test_a_spaced_label_is_no_family_name(text):
    assert not any(v.startswith(("記", "名")) for v in values(text))


# --- ages of children and forms -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, age",
    [
        ("年齢（ 3 8 ）才\n", "3 8"),
        ("年齢（38）才\n", "38"),
        ("生年月日：R6.6.9　年齢：日齢0　性別：男\n", "日齢0"),
        ("接種日,ｶﾙﾃNo,ｶﾅ氏名,性別,生年月日,年齢\n20250331,0712458,ﾀﾅｶ ｺﾊﾙ,F,20240127,1Y2M\n", "1Y2M"),
        ("No\t氏名\t生年月日\t月齢/年齢\t性\n1\t中村 蒼空\t2025/02/28\t2か月\t男\n", "2か月"),
        ("| 日付       | 暦月齢 | 体重g  |\n| 2024-02-20 | 3m21d  | 3,480  |\n", "3m21d"),
        ("接触者：ﾌｸﾀﾞ ｿｳくん(7m, MR未)\n", "7m"),
        ("令和6年9月3日生（満 5か月）\n", "5か月"),
        ("生年月日：2024年10月22日　暦年齢 10か月　修正年齢 7か月\n", "7か月"),
        ("被接種者：Ｙ．Ｍ．（３か月・男児）\n", "３か月"),
        ("母（安藤 ミカ）、本児、弟（8か月）\n", "8か月"),
        ("ＢＣＧ　平成４年 １月 ８日（4か月）　日本BCG\n", "4か月"),
    ],
)
def test_an_age_in_a_forms_brackets_a_column_or_after_a_childs_name(text, age):
    assert age in masked_as("AGE", text)


@pytest.mark.parametrize(
    "text", ["山田 太郎 5m 歩行\n", "投与量 5mg（2回）\n", "体重 3,480 g\n", "治療期間（3か月）\n", "満3か月後に再診\n"]
)
def test_metres_walked_and_doses_are_no_age(text):
    assert masked_as("AGE", text) == []


# --- a public owner before a coined hospital name -------------------------------------------------


@pytest.mark.parametrize("text", ["市立さくらが丘病院　小児科\n", "【電話相談記録】県立あおば台病院 小児科外来\n"])
def test_a_coined_hospital_name_after_its_public_owner(text):
    name = text.split("　")[0].split("】")[-1].split(" ")[0]
    assert name in masked_as("HOSPITAL_NAME", text)


# --- HL7: a date without its time in any field, free text in a sender's own field ------------------

_HL7 = (
    "MSH|^~\\&|RX|HOSP|||20240918101500||RDE^O11|MSG001|P|2.5||||||UNICODE UTF-8\n"
    "PID|1||123456^^^HOSP||相良^英樹\n"
    "RXE|1^1^20240918^20240924|620004451^セレコキシブ錠100mg^HOT|1||TAB\n"
    "TQ1|||1013044400000000&内服・経口・1日3回\n"
    "ZPI|1|入院目的: AVS 施行目的（3/5 予定）|20240305|身長 154.0\n"
)


def test_hl7_dates_in_any_field_and_dates_in_a_z_segments_note():
    got = balanced_masked(_HL7)
    for date in ("20240918", "20240924", "20240305", "3/5"):
        assert (date, "OTHER_DATE") in got


def test_hl7_codes_stay_unmasked_beside_free_text():
    got = [value for value, _ in balanced_masked(_HL7)]
    for code in ("620004451", "1013044400000000", "UTF-8", "2.5", "RDE^O11", "HOT", "TAB"):
        assert not any(code in value for value in got), code


@pytest.mark.parametrize("stamp", ["20241399", "20240932", "12345678", "19001301"])
def test_an_impossible_date_in_an_hl7_field_is_no_date(stamp):
    text = f"MSH|^~\\&|A|B|||20240918101500||ORU^R01|1|P|2.5\nRXE|1^1^{stamp}|X\n"
    assert (stamp, "OTHER_DATE") not in balanced_masked(text)


# --- forms' dot leaders, a year of birth column, an export with many columns of its own ----------


def test_a_dot_leader_parts_a_label_from_its_value():
    got = balanced_masked("Year of Birth ........... 1958\nSex ........... Male\n")
    assert ("1958", "BIRTH_DATE") in got and ("Male", "SEX") in got
    assert balanced_masked("see p.... 12\n") == []


def test_a_year_of_birth_column():
    text = "Screen No. | Initials | YOB  | Sex | ICF signed\n204-011    | TMK      | 1983 | F   | 12-Aug-2024\n"
    assert ("1983", "BIRTH_DATE") in balanced_masked(text)


def test_an_export_with_three_known_columns_among_its_own():
    text = (
        "SUBJID,SEX,AGE,AETERM,AEDECOD,AESTDTC,AEENDTC,AETOXGR,AESER,AEREL,AEACN\n"
        "0312-002,F,61,悪心,Nausea,2024-08-01,2024-08-04,1,N,RELATED,DOSE NOT CHANGED\n"
    )
    got = balanced_masked(text)
    assert ("61", "AGE") in got and ("0312-002", "PATIENT_ID") in got


def test_a_list_typed_with_full_width_slashes_is_a_table():
    text = (
        "No. 氏名 ／ ID ／ 年齢 ／ 疾患 ／ 処方\n"
        "1 北村 茂 ／ 2041-8837 ／ 58 ／ AMI（RCA）／ 60W\n"
        "2 庄司 美代子 ／ 1994007 ／ 71 ／ HFpEF ／ 20W\n"
    )
    assert {"58", "71"} <= set(masked_as("AGE", text))


# --- a room in full-width digits -----------------------------------------------------------------


def test_a_room_in_full_width_digits_before_its_patient():
    assert "３２０" in masked_as("OTHER_ID", "対象：３２０号 桑原 サチさん\n")


def test_a_json_record_is_no_table_and_a_rows_count_is_no_identifier():
    json_line = '{"code":"8867-4","display":"Heart rate","subject":"Patient/005","effectiveDateTime":"2025-01-02"}\n'
    assert not any(value in ("display", "subject", "effectiveDateTime") for value, _ in balanced_masked(json_line * 3))
    text = "No|時刻|年齢|主訴|処置\n01|09:48|16|擦過傷|洗浄\n02|10:12|F|脱水|補液\n"
    assert ("01", "OTHER_ID") not in balanced_masked(text) and ("01", "PATIENT_ID") not in balanced_masked(text)


# --- Latin family names that open with Mc or Mac ---------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("Dr. McDonald reviewed.\n", "McDonald"),
        ("Contact: Fiona McCready, IPC Nurse\n", "Fiona McCready"),
        ("Reported by Ian MacLeod\n", "Ian MacLeod"),
    ],
)
def test_a_family_name_with_mc_or_mac_is_whole(text, name):
    assert any(name in value for value in values(text))
    assert "Mc" not in values(text) and "Mac" not in values(text)


def test_a_product_with_mac_is_no_name():
    assert values("MacBook Pro\n") == []


@pytest.mark.parametrize("text, name", [("│関 颯太 2歳 男          │\n", "関 颯太"), ("│林 大輔 │\n", "林 大輔")])
def test_a_one_kanji_family_name_after_a_drawn_rule(text, name):
    assert name in values(text)


def test_a_common_word_after_a_drawn_rule_stays():
    assert values("│肩甲骨下角│\n") == [] and values("│量 大 │\n") == []


def test_a_month_and_day_after_a_labels_colon_not_a_clocks():
    assert "10/01" in masked_as("OTHER_DATE", "隔離開始:10/01（CD）\n")
    assert masked_as("OTHER_DATE", "12:10/15\n") == [] and masked_as("OTHER_DATE", "頁:1/1\n") == []


def test_a_ward_with_a_blank_after_its_floor_and_a_room_before_a_bracket():
    assert "4階 東病棟" in masked_as("DEPARTMENT", "入院 4階 東病棟 へ\n")
    assert masked_as("DEPARTMENT", "3階 東側の窓\n") == []
    assert {"411", "702"} <= set(masked_as("OTHER_ID", "残り空床：4東 411（男）、7西 702（女）のみ\n"))
    assert masked_as("OTHER_ID", "内科 12（前月比）\n") == []


def test_a_bed_by_its_number_and_a_kana_medical_centre():
    assert masked_as("OTHER_ID", "本日の検査：2件（1号床 CPAP、2号床 診断PSG）\n") == ["1", "2"]
    assert masked_as("OTHER_ID", "3号床頭台\n") == []
    assert "はるかぜ小児医療センター" in masked_as("HOSPITAL_NAME", "【はるかぜ小児医療センター】　小児睡眠外来\n")
    assert masked_as("HOSPITAL_NAME", "地域医療センター\n") == []


@pytest.mark.parametrize(
    "text, name", [("完了（2024/07/09 平田確認）\n", "平田"), ("廃棄袋へ（井上確認）。\n", "井上")]
)
def test_a_family_name_written_onto_what_they_did(text, name):
    assert name in masked_as("PHYSICIAN_NAME", text)


@pytest.mark.parametrize(
    "text", ["（最終確認）\n", "（主治医確認）\n", "（本人確認）\n", "（目視確認）\n", "（家族確認）\n"]
)
def test_a_kind_of_check_is_no_name(text):
    assert values(text) == []


def test_a_scanned_katakana_for_a_kanji_before_a_katakana_given_name():
    assert ("坂ロ キヨ", "EMERGENCY_CONTACT") in masked("義母 坂ロ キヨ（患者番号 2O6-118-4）\n")


@pytest.mark.parametrize("text", ["◆ 院内対応\n", "※ 中間報告\n", "（院内承認 2023年）\n"])
def test_a_word_the_dictionary_reads_in_place_is_no_name_before_a_sign_off(text):
    assert masked_as("PHYSICIAN_NAME", text) == []
