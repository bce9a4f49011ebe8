"""Forms of the twenty-fourth round, later in the round: places of care, offices' numbers, signatures and chats."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import covered, masked, masked_as, values


# --- later in the round ----------------------------------------------------------------------------------


def test_an_hl7_message_with_its_segment_breaks_written_as_letters():
    text = (
        "2025-02-14 08:02:11.483 DEBUG [BB-IF] raw=MSH|^~\\&|HIS|SAKURA_GMC|BB|BIOBANK|20250214080210||OML^O33|X1|P|2.5"
        "\\rPID|1||2298140^^^HIS^MR||ALVES^RAFAEL^^^^^L||19770430|M|||東林間5-3-12^^相模原市南区^神奈川県^252-0311\\r"
        "PV1|1|O|GAS\n"
    )
    found = masked(text)
    assert ("2298140", "PATIENT_ID") in found and ("19770430", "BIRTH_DATE") in found


@pytest.mark.parametrize("column", ["family_name_latin", "given_name_latin", "patient_name_en"])
def test_a_name_column_with_its_scripts_suffix_is_still_a_name(column):
    from phi_core.extractors.recognition.label_words import column_rule

    rule = column_rule(column)
    assert rule is not None and rule.category == "PATIENT_NAME"


def test_a_column_named_for_a_language_alone_is_no_name():
    from phi_core.extractors.recognition.label_words import column_rule

    assert column_rule("latin") is None


@pytest.mark.parametrize(
    "text, age",
    [("Sex: F        DOB: 2021-12-05        Age: 2 yrs 10 mos\n", "2 yrs 10 mos"), ("Age: 6;7\n", "6;7")],
)
def test_a_childs_age_in_years_and_months_after_its_label(text, age):
    assert age in masked_as("AGE", text)


def test_hours_in_hiragana_as_easy_japanese_writes_them():
    assert masked_as("TIME", "Time：6じ、9じ、12じ、15じ\n") == ["6じ", "9じ", "12じ", "15じ"]


def test_a_duration_in_hiragana_is_no_time():
    assert not masked_as("TIME", "てんてき 3じかん かかります。")


def test_an_age_after_a_birth_date_across_a_slash():
    assert "62" in masked_as("AGE", "作成 2024-12-01\n│生年月日／年齢　　　│1962-03-08　／　62　　　│")


def test_a_count_after_a_birth_date_across_a_slash_is_no_age():
    assert not masked_as("AGE", "2024年\n生年月日 1962/03/08 / 3 回目")


def test_years_in_brackets_after_a_birth_date_set_two_blanks_apart():
    assert "34 years" in masked_as("AGE", "  DOB:            3 Jan 1990  (34 years)      Sex: Female")


def test_a_month_and_day_as_chinese_writes_them():
    assert masked_as("OTHER_DATE", "拆线还是 11月6号 吗？我 11月8号 回上海。") == ["11月6号", "11月8号"]


def test_a_room_after_a_day_is_no_chinese_date():
    assert "3月6号" not in values("3月6号室へ移動")


def test_an_age_with_its_unit_after_a_birth_date():
    text = "Date: 2024-12-01\nPatient: ISHIGURO Haruka, female, DOB 14-Jul-1996, 28 years\n"
    assert "28 years" in masked_as("AGE", text)


def test_a_label_for_the_birth_date_and_the_age_reads_both():
    text = "Date 2024-12-01\nDOB / Age    : 05 Oct 1968 / 56 yrs               Sex: Male\n"
    assert ("05 Oct 1968", "BIRTH_DATE") in masked(text) and ("56 yrs", "AGE") in masked(text)


# --- places of care ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("取扱販売店：メディカルサプライ北光\n", "メディカルサプライ北光"),
        ("装具は さくら医療器販売 に発注", "さくら医療器販売"),
        ("あおば介護タクシー 045-972-0081", "あおば介護タクシー"),
        ("民間救急(駿河ケア搬送サービス)", "駿河ケア搬送サービス"),
    ],
)
def test_a_supplier_or_a_carrier_by_its_kind(text, name):
    assert name in masked_as("HOSPITAL_NAME", text)


@pytest.mark.parametrize("text", ["介護タクシーを利用", "介護タクシー手配済", "メディカルサプライの在庫"])
def test_the_kind_alone_is_no_name(text):
    assert not masked_as("HOSPITAL_NAME", text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("リュクス美容外科 渋谷院 カウンセリング記録", "リュクス美容外科 渋谷院"),
        ("シエル美容外科 千葉院（旧）", "シエル美容外科 千葉院"),
    ],
)
def test_a_clinic_chains_branch_after_its_name(text, name):
    assert name in masked_as("HOSPITAL_NAME", text)


@pytest.mark.parametrize("text", ["山田クリニック 入院 となった", "さくら病院 当院"])
def test_a_word_ending_in_the_kanji_for_a_branch_is_no_branch(text):
    assert all(" " not in value for value in masked_as("HOSPITAL_NAME", text))


@pytest.mark.parametrize(
    "text, code",
    [
        ("# /var/log/crc-reminder/batch.log (AOBADAI-MUH)\n", "AOBADAI-MUH"),
        ("dest=HOKUTO-KINEN ok", "HOKUTO-KINEN"),
        ('"meta": {"source": "shonanbay-gh/oocyte-bank"}', "shonanbay-gh"),
    ],
)
def test_a_facilitys_code_ended_by_its_kind(text, code):
    assert code in masked_as("HOSPITAL_NAME", text)


@pytest.mark.parametrize("text", ["ICU-CC 連絡、MRI-CL 予約", "[更年期外来 連絡チャット]  #meno-clinic  2024-06-04"])
def test_a_units_code_or_a_chats_channel_is_no_facility(text):
    assert not masked_as("HOSPITAL_NAME", text)


# --- an office's numbers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, number",
    [
        ("捜査関係事項照会書（東生安第1204号）を送付", "東生安第1204号"),
        ("（中こ相第2025-118号）関連", "中こ相第2025-118号"),
        ("受理番号 東児24-1193。", "東児24-1193"),
        ("療育手帳：B1（番号 第A-28831号、次回", "第A-28831号"),
    ],
)
def test_an_offices_number_with_its_short_name(text, number):
    assert number in masked_as("OTHER_ID", text)


@pytest.mark.parametrize("text", ["厚生労働省令第123号に基づき", "平成24-1193", "第3回 第2版"])
def test_a_laws_number_an_era_or_a_count_is_no_offices_number(text):
    assert not [v for v in masked_as("OTHER_ID", text) if "第" in v or "平成" in v]


# --- signatures, chats and holidays --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("| 1 | 竹内㊞ | 溝口㊞ | 胆石", "竹内"),
        ("確認 溝口（印）", "溝口"),
        ("物理 望 月 ( 印 )   Ns 宮 坂 ( 印 )", "宮 坂"),
    ],
)
def test_a_family_name_before_its_seal(text, name):
    assert name in values(text)


@pytest.mark.parametrize("text", ["検印（印）", "受付印 [R6.12]", "代表者印"])
def test_a_seals_label_is_no_name(text):
    assert not [v for v, c in masked(text) if c in ("PATIENT_NAME", "PHYSICIAN_NAME")]


def test_a_chat_sender_by_login_with_a_post_in_brackets():
    text = "[2025-03-05 09:12] hibino (CE): @okita 先生\n[2025-03-05 09:14] okita (Dr): エコーあてて。\n"
    assert {"hibino", "okita"} <= set(masked_as("PHYSICIAN_NAME", text))


def test_a_bots_word_before_a_post_is_no_sender():
    assert "memo" not in values("[2025-03-05 09:15] memo (bot): done\n")


def test_a_substitute_holiday_after_a_weekday_belongs_to_the_date():
    assert "2月24日（月・振休）" in masked_as("OTHER_DATE", "希望日：2月21日（金）、2月24日（月・振休）　")


def test_a_day_and_a_month_are_never_read_across_a_line():
    spans = values('slot="2025-03-06 08:30" room=ENDO-2\nMar  4 09:20:47 emr-app01')
    assert "Mar  4" in spans and not [v for v in spans if "\n" in v]


@pytest.mark.parametrize(
    "text", ["My phone is 080-7310-5582. Thanks, Jess", "be contacted at 080-7126-4450.\nThanks, Jess\n\n────"]
)
def test_a_name_after_a_sign_offs_comma(text):
    assert "Jess" in values(text)


@pytest.mark.parametrize("text", ["Thanks, Doctor.", "Thanks, Everyone!"])
def test_a_word_after_a_sign_offs_comma_that_names_nobody(text):
    assert not masked(text)


def test_a_post_after_a_comma_is_not_part_of_a_latin_name():
    assert ("Daniel Hughes", "PATIENT_NAME") in masked("Daniel Hughes, Professor of Nephrology")


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "the follow-up in Brazil will be at Hospital Santa Luzia do Ipiranga (Dr. R. Mendes)",
            "Hospital Santa Luzia do Ipiranga",
        ),
        ("Referred back to Hospital Santa Helena de Campinas", "Hospital Santa Helena de Campinas"),
    ],
)
def test_a_hospital_named_with_its_kind_first(text, name):
    assert name in masked_as("HOSPITAL_NAME", text)


def test_an_english_heading_after_hospital_is_no_name():
    assert not masked_as("HOSPITAL_NAME", "Hospital Course: uneventful. Hospital Day 3 MRI.")


@pytest.mark.parametrize(
    "text, value",
    [
        ("you rather than here (suggested window: mid-March 2025).", "mid-March 2025"),
        ("relocating to Singapore for work (from late June).", "late June"),
        ("Yokohama 10–12 Feb 2025\n", "10–12 Feb 2025"),
        ("22Gy/1fr（18–20 Dec 2024）。", "18–20 Dec 2024"),
    ],
)
def test_a_part_of_a_month_or_a_stretch_of_days_written_out(text, value):
    assert value in masked_as("OTHER_DATE", text)


def test_late_before_a_word_that_is_no_month_is_no_date():
    assert not masked("a late mayor and an early bird")


@pytest.mark.parametrize("text", ["Hi, I'm 37 (born Aug 2, 1987) and we live", "I'm 45, male"])
def test_the_writers_own_age(text):
    assert masked_as("AGE", text)


@pytest.mark.parametrize("text", ["I'm 37 weeks pregnant", "I am 5 minutes late", "I'm 45,000 yen short"])
def test_a_count_or_a_measure_after_i_am_is_no_age(text):
    assert not masked_as("AGE", text)


@pytest.mark.parametrize(
    "text",
    [
        "Minutes - Hospital Executive Committee (English summary)",
        "Hospital Liaison Committee contact",
        "Hospital File No.: T-2406",
    ],
)
def test_an_english_body_after_hospital_is_no_hospitals_name(text):
    assert not masked_as("HOSPITAL_NAME", text)


def test_an_age_whose_unit_a_scan_read_as_katakana():
    assert covered("3オ", values("既往歴・家族歴 3オ時 喘息発作で入院歴"))


def test_a_katakana_word_after_a_number_keeps_its_letter():
    assert not masked_as("AGE", "3オペ室で準備")


def test_a_key_of_initials_read_with_its_name_as_one_span():
    text = "2024/10/03\t2.12\t継続\tMY\n2024/10/31\t2.45\t継続\tSK\n# 担当者: MY=南 陽子, SK=志村 康平\n"
    assert values(text).count("SK") == 2 and "MY" in values(text)


def test_capitals_and_one_initial_closing_a_field():
    assert "MIYOSHI H" in values('"2025-05-14T08:47:10","AC-CLINIC","OP1173","MIYOSHI H","20815347"')


def test_a_log_sender_between_the_time_and_the_message_in_column_gaps():
    text = "2025-01-20T07:44:02+09:00  koike.anes  了解です。\n2025-01-20T08:31:55+09:00  honda.dds  入室しました。\n"
    assert {"koike.anes", "honda.dds"} <= set(values(text))


def test_a_log_level_in_column_gaps_is_no_sender():
    assert "error" not in values("2025-01-20 09:00:00  error  接続失敗\n")


@pytest.mark.parametrize(
    "text, name", [("バッテリー不良 → ME 竹林へ連絡済", "竹林"), ("吉岡DH 9:12\nおはようございます", "吉岡")]
)
def test_a_name_beside_a_clinical_engineers_or_a_hygienists_abbreviation(text, name):
    assert name in values(text)


def test_a_cameras_date_with_colons():
    assert covered("2025:02:27", values('"capturedAt": "2025:02:27 15:42:08", "camera": "EOS"'))


def test_an_hl7_phone_in_its_parts_with_the_first_left_empty():
    text = (
        "MSH|^~\\&|A|B|C|D|20250111||ADT^A03|1|P|2.5\n"
        "PID|1||0074619^^^AGH^MR||OBRIEN^MARGARET||19480302|F|||12 SE BLVD^^PORTLAND^OR^97214^USA^H||^PRN^PH^^1^503^7180442\n"
    )
    assert ("1^503^7180442", "PHONE") in masked(text)
