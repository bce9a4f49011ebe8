"""Forms of the twenty-third round (blind-final45..46 once spent, blind-dev165..): each with its look-alikes."""

from __future__ import annotations

import pytest

from phi_core.extractors.recognition.label_words import column_rule
from tests.extractors.recall_probes import balanced_masked, masked, values


# --- columns and labels -------------------------------------------------------------------------------

_ROMAJI_EXPORT = (
    "YYKNO,YYKBI,JIKAN,KANJYA_ID,KANA_SHIMEI,SEIBETSU,NENREI,YYK_KBN,TANTO,MEMO\n"
    "R0401-003,20250401,0930,00619935,ｺﾊﾞﾔｼ ﾐﾂｷ,2,52,初診,上野,BRCA2 VUS 再評価\n"
)


@pytest.mark.parametrize(
    "column, category",
    [
        ("SEIBETSU", "SEX"),
        ("NENREI", "AGE"),
        ("JIKAN", "TIME"),
        ("KANJYA_SHIMEI", "PATIENT_NAME"),
        ("TANTOU", "PHYSICIAN_NAME"),
    ],
)
def test_a_column_named_in_romaji_reads_as_its_japanese_word(column, category):
    rule = column_rule(column)
    assert rule is not None and rule.category == category


def test_a_romaji_word_that_names_no_column_is_none():
    assert column_rule("SAKURA") is None


def test_an_export_with_romaji_columns_gives_its_time_sex_and_age():
    found = balanced_masked(_ROMAJI_EXPORT)
    assert {("0930", "TIME"), ("2", "SEX"), ("52", "AGE"), ("上野", "PHYSICIAN_NAME")} <= set(found)


def test_romaji_column_names_are_no_names_in_recall_first():
    assert not any(word in value for value, _ in masked(_ROMAJI_EXPORT) for word in ("JIKAN", "SHIMEI", "MEMO"))


def test_a_romaji_given_name_outside_a_header_is_still_a_name():
    assert "Kana" in " ".join(values("Her sister, Ms. Kana Ishida, lives in Seattle."))


def test_a_half_width_reading_of_a_column_name_holds_its_space():
    text = (
        "UKE-NO  KANJA-ID  ｶﾝｼﾞｬ ｼﾒｲ        SEI  NENREI\n"
        "------------------------------------------------\n"
        "250501  00412230  ﾅｶﾞｲ ｹﾝｲﾁ        M    61\n"
    )
    assert "ﾅｶﾞｲ ｹﾝｲﾁ" in [value for value, _ in balanced_masked(text)]


def test_a_label_and_its_value_one_tab_apart():
    text = "患者ID\t40028816\n氏名\t渡部 信也\n性別\t男\n年齢\t66\n実施日\t2024/09/12"
    assert {("渡部 信也", "PATIENT_NAME"), ("男", "SEX"), ("66", "AGE")} <= set(balanced_masked(text))


@pytest.mark.parametrize(
    "header",
    ["No\t患者番号\t氏名\t国・地域\t診療期間\t診療科", "日付\t時刻\t患者ID\t氏名\t用件\t対応\t対応者", "患者名\tﾌﾘｶﾞﾅ"],
)
def test_a_tab_separated_header_row_gives_no_values(header):
    assert balanced_masked(header) == []


@pytest.mark.parametrize(
    "text, number",
    [("患者：3008-5521\u3000五十嵐 修（ｲｶﾞﾗｼ ｵｻﾑ）", "3008-5521"), ("患者: 00123456 山田 太郎 様", "00123456")],
)
def test_a_patients_number_before_the_name_in_a_patient_label(text, number):
    assert (number, "PATIENT_ID") in balanced_masked(text)


@pytest.mark.parametrize("text", ["氏名：2024-03 山田", "患者：12345 mg/dL", "patient : 0862314 M 17-JUN-1943"])
def test_a_year_and_month_or_a_measure_or_a_sex_after_the_number_is_no_such_record(text):
    found = balanced_masked(text)
    assert ("M", "PATIENT_NAME") not in found and ("mg", "PATIENT_NAME") not in found
    assert ("2024-03", "PATIENT_ID") not in found


# --- people ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("14:21 南部医療センター PD外来 金城：ありがとうございます。", "金城"),
        ("14:05 訪看ひまわり 嘉手納：お疲れ様です。", "嘉手納"),
    ],
)
def test_a_chat_sender_after_the_hospital_or_team_it_speaks_for(text, name):
    assert name in values(text)


@pytest.mark.parametrize("text", ["10:30 血圧 測定：120/80", "11:00 本日 予定：検査"])
def test_a_logs_words_before_a_colon_are_no_sender(text):
    assert values(text) == [text.split()[0]]


def test_a_senders_title_stays_out():
    assert "片桐" in values("12/4 10:30 医局 片桐先生：源泉徴収票")


def test_a_chat_exports_sender_on_the_line_of_the_time():
    text = "nishikawa.s  8:03 AM\n7N update\nyuki_ict  8:05 AM\nえ、移ってたんですね"
    assert "yuki_ict" in values(text)
    assert values("start 9:00\nend 10:00\nnote 8:00") == ["9:00", "10:00", "8:00"]


# --- tables and forms -------------------------------------------------------------------------------------


def test_a_semicolon_log_reads_its_staff_columns_by_number():
    text = (
        "#ts;terminal;event;pt_id;pt_kana;unit_no;product;abo;staff1;staff2;result\n"
        "20250204 130530;PDA-3S-01;SCAN_UNIT;C-1184032;ﾌﾙｶﾜ ﾐﾂ;25-1043-2270;Ir-RBC-LR-2;O+;SHOJI M;ABE R;MATCH\n"
    )
    assert {("SHOJI M", "PHYSICIAN_NAME"), ("ABE R", "PHYSICIAN_NAME")} <= set(balanced_masked(text))


@pytest.mark.parametrize("column, known", [("staff1", True), ("nurse_2", True), ("SpO2", False), ("T2", False)])
def test_a_column_numbered_after_its_word_keeps_the_words_meaning(column, known):
    assert (column_rule(column) is not None) is known


def test_a_quoted_semicolon_record_of_measurements_gives_no_names():
    text = '"Segment";"Side";"Diameter_mm";"Result"\n"CFV";"L";"11.2";"Normal"\n"SFJ";"L";"9.1";"Reflux"\n'
    assert not any(category == "PHYSICIAN_NAME" for _, category in balanced_masked(text))


def test_pairs_of_labels_and_values_along_a_tab_line():
    text = "# 出力日時\t2025-02-12 12:03\t出力者\tHIRANO M\nSampleID\tPatientID"
    assert ("HIRANO M", "PHYSICIAN_NAME") in balanced_masked(text)


def test_a_forms_row_of_labels_and_values_is_no_tables_header():
    text = (
        "利用者氏名 ｜ 松 本　キ ミ エ 　様 ｜ 生年月日 ｜ 昭和13年 7月 2日 （ 86 歳）\n"
        "要介護認定の状況 ｜ 要支援（１ ２） 要介護（１ ② ３）\n"
        "訪問日 ｜ 9/2 、9/9 （計2回）\n"
    )
    assert not any(value in ("要介護認定の状況", "訪問日") for value, _ in masked(text))


def test_a_ward_and_bed_pair_line_is_no_header_for_the_vitals_below():
    text = "病棟\tICU\tベッド\t09\n患者ID\t00583310\n時刻\tHR\tABP\n00:00\t92\t118/62\n"
    found = balanced_masked(text)
    assert ("ICU", "DEPARTMENT") in found and ("00583310", "PATIENT_ID") in found
    assert not any(value in ("患者ID", "118") for value, _ in found)


# --- scans -------------------------------------------------------------------------------------------------


def test_a_name_in_capitals_with_a_zero_and_an_l_from_the_scan():
    assert "O'CONN0R, JAMES PATRlCK" in values("Patient name / 氏名:  O'CONN0R, JAMES PATRlCK\n")


@pytest.mark.parametrize(
    "text, name",
    [
        ("2 当該者氏名\u3000鵜 飼\u3000蒼 空\u3000\u30003 性別\u3000男", "鵜 飼\u3000蒼 空"),
        ("児童氏名：山田 花子", "山田 花子"),
    ],
)
def test_whose_name_a_form_asks_for(text, name):
    assert name in values(text)


# --- dates and numbers of the twenty-third round ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, date",
    [("DNAR・鎮静の希望なし（２／１９ 本人・家族と確認）", "２／１９"), ("転院予定日 ６／14\n家族", "６／14")],
)
def test_a_month_and_day_with_a_full_width_slash(text, date):
    assert (date, "OTHER_DATE") in balanced_masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "参集可能 8／9名",
        "総合 4／5「一般ドライバーと同等」",
        "［スキャン取込 ｐ１／２］",
        "空床 3東 0／4西 2／5西 1",
        "遵守率：7／10機会",
    ],
)
def test_a_count_a_score_a_page_or_free_beds_with_a_full_width_slash_are_no_date(text):
    assert not any(category == "OTHER_DATE" for _, category in balanced_masked(text))


def test_a_ledgers_day_and_month_in_capitals():
    assert ("03-FEB", "OTHER_DATE") in balanced_masked("03-FEB       A205       Emergency admission")


def test_the_age_at_death_and_the_postal_mark_as_columns():
    text = (
        "管理No,故人氏名,患者ID,享年,死亡日,〒,住所\n"
        "B-2025-014,田中 清,1103487,92,2025/03/03,270-2241,千葉県松戸市松戸新田592-3\n"
    )
    found = balanced_masked(text)
    assert ("92", "AGE") in found and ("270-2241", "ADDRESS") in found


def test_in_and_out_columns_of_a_day_care_register_hold_times():
    text = "date,member_id,name,attend,in,out,program\n20250303,DC-0117,青木武,1,0902,1530,SST\n"
    assert {("0902", "TIME"), ("1530", "TIME")} <= set(balanced_masked(text))
    assert column_rule("Protein") is None or column_rule("Protein").category != "TIME"


def test_an_hl7_name_typed_legal_in_any_field_is_a_persons():
    text = (
        "MSH|^~\\&|PHARM|HOSP|||20250609||RDE^O11|1|P|2.5\n"
        "RXE|^^^20250609^^R|0008891^ベバシズマブ点滴静注用400mg^HOT|310|mg||||^宮前^裕子^^^^^^^L^I|||||||CP\n"
    )
    assert ("宮前^裕子", "PHYSICIAN_NAME") in balanced_masked(text)
    assert not any(
        "血糖" in value
        for value, _ in balanced_masked("MSH|^~\\&|A|B|||2025||ADT^A01|1|P|2.5\nZXX|1|^血糖^測定^^^^^^^X")
    )


@pytest.mark.parametrize("column, category", [("prescriber", "PHYSICIAN_NAME"), ("ｼﾞｶﾝ", "TIME"), ("ageYears", "AGE")])
def test_more_column_names(column, category):
    assert column_rule(column).category == category


def test_a_record_number_then_an_age_in_brackets_after_a_name():
    found = masked("受付です。加藤 茂様（104-4471、72）と 加藤 しげみ様（104-9930、45）。")
    assert {("104-4471", "PATIENT_ID"), ("72", "AGE"), ("45", "AGE")} <= set(found)
    assert not any(category == "AGE" for _, category in masked("加藤 茂様（1044471、3回目）"))


def test_a_month_and_day_keeps_its_enclosed_weekday():
    assert "6/21㈯" in values("土日の申し送り（6/21㈯ ～ 6/22㈰）by ｱｻﾉ")


def test_a_chat_sender_in_square_brackets_after_the_time():
    assert "早瀬" in values("15:48 [コーディネーター 早瀬] 転院相談です\n16:22 [コーディネーター 早瀬] 承知しました。")
    assert values("10:00 [重要] 検査の件\n10:05 [済] 完了") == ["10:00", "10:05"]


@pytest.mark.parametrize(
    "text, age",
    [('"ageAtExam": 56, "branch": "01"', "56"), ("Twin A info: 33w1d, BW 2,004 g, DOL 6, feeding", "DOL 6")],
)
def test_an_age_under_a_camel_case_key_or_as_a_day_of_life(text, age):
    assert (age, "AGE") in balanced_masked(text)
    assert not any(category == "AGE" for _, category in balanced_masked('"pageCount": 3'))
