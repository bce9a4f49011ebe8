"""Forms of the twenty-fourth round (blind-final47..48 once spent, blind-dev189..): each with its look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import balanced_masked, covered, masked, masked_as, values


# --- scans that set a blank on each side of every separator --------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("お電話     O6 - 6971 - 33O8     携帯 なし", "O6 - 6971 - 33O8"),
        ("TEL 03 - 3964 - 1299 まで", "03 - 3964 - 1299"),
        ("時刻 ll : lO\n", "ll : lO"),
        ("救急車 にて l6 時 頃 貴院到着", "l6 時"),
    ],
)
def test_a_value_scanned_with_blanks_round_its_separators_is_masked(text, value):
    assert covered(value, values(text))


def test_a_postcode_scanned_with_blanks_starts_the_address():
    assert covered("537 - OO14", values("ご住所     〒 537 - OO14 大阪市東成区大今里南 5 - 8 - 2l\n"))


@pytest.mark.parametrize(
    "text",
    [
        "抗核抗体 1 : 40",  # a titre in clean digits is a ratio, not a clock time
        "比率 2 : 1 で",
        "内線 12 - 34 - 5 へ",  # too few digits for a telephone number
    ],
)
def test_a_ratio_or_a_short_run_with_blanks_is_left(text):
    assert not [v for v, c in masked(text) if c in ("TIME", "PHONE")]


# --- ages and sexes --------------------------------------------------------------------------------------


def test_an_age_with_its_unit_after_a_patient_number_is_the_patients():
    text = "Female: MIKOSHIBA Aoi / 御子柴 葵   ID 500-2174   36 y   AMH 1.1"
    assert "36 y" in masked_as("AGE", text)


@pytest.mark.parametrize("text", ["患者ID 0081452 3回目", "ID 0081452 12 名", "ドナーID：JD-24-30871　30歳代　男性"])
def test_a_count_or_an_age_band_after_a_patient_number_is_no_age(text):
    assert not masked_as("AGE", text)


def test_an_age_key_keeps_its_unit_inside_the_quotes():
    assert "41 y" in masked_as("AGE", '{"pt": {"id": "H-7720391", "age": "41 y", "sex": "male"}}')


def test_an_age_in_years_after_a_birth_date_with_the_month_written_out():
    assert "63 years" in masked_as("AGE", "Mr Andrew WHITE, DOB 3 March 1961 (63 years), our MRN 0081459")


def test_in_prose_years_in_brackets_stay_a_duration():
    assert not masked_as("AGE", "He smoked for a long time (30 years) before 2010.")


@pytest.mark.parametrize("text, sex", [("DOB 2012/08/03  12y10m boy\n", "boy"), ("2歳10か月 女児", "女児")])
def test_a_sex_after_an_age_in_years_and_months(text, sex):
    assert sex in masked_as("SEX", text)


# --- dates and times ---------------------------------------------------------------------------------------


def test_the_part_of_the_day_before_an_hour_belongs_to_the_time():
    assert "夕方6時" in masked_as("TIME", "今日 夕方6時 ごろから鮮血")


def test_a_chinese_weekday_in_brackets_belongs_to_the_date():
    assert "3月22日（星期六）" in masked_as("OTHER_DATE", "您希望的3月22日（星期六）可以进行胚胎移植")


@pytest.mark.parametrize(
    "text, value",
    [
        ("Can we get CT slot on Mon 25th afternoon?", "Mon 25th"),
        ("see you on Friday the 3rd.", "Friday the 3rd"),
    ],
)
def test_a_weekday_and_an_ordinal_day_are_a_date(text, value):
    assert value in [v for v, _ in balanced_masked(text)]


def test_a_weekday_before_a_floor_is_no_date():
    assert not masked_as("OTHER_DATE", "Meet on the Monday 5th floor landing")


@pytest.mark.parametrize(
    "text, value",
    [("of 久我 清 (Kiyoshi Kuga, ID 0068803, born Showa 12). I live", "Showa 12"), ("乳癌 H23術後", "H23")],
)
def test_an_era_year_in_latin_letters_or_before_its_event(text, value):
    assert value in values(text)


def test_an_era_letter_before_an_operative_field_is_no_year():
    assert not masked("H2受容体拮抗薬 S10術野")


def test_two_compact_dates_joined_by_a_hyphen_are_a_period():
    found = [v for v, c in balanced_masked("期間=20250303-20250309\n") if c == "OTHER_DATE"]
    assert found == ["20250303", "20250309"]


def test_a_code_of_two_eight_digit_numbers_that_are_no_dates_is_no_period():
    assert not [v for v, c in balanced_masked("No. 20250407-20251399") if c == "OTHER_DATE"]


def test_a_system_log_pads_a_one_digit_day():
    assert "Dec  9" in [v for v, _ in balanced_masked("Dec  9 08:52:03 amb-gw01 vitalsync[2]: session open\n")]


def test_a_twelve_hour_clock_with_seconds():
    assert "9:41:07 AM" in masked_as("TIME", "Report Created;08/08/2024 9:41:07 AM;\n")


def test_an_hour_in_half_width_kana_before_a_particle():
    assert covered("15ｼﾞ", values("ﾁｮｳｼﾞｮ ﾕﾐ ｻﾝ ｶﾞ 8/13 15ｼﾞ ﾆ ﾄﾘﾆｸﾙ."))


def test_hours_in_half_width_kana_are_no_time_of_day():
    assert not masked_as("TIME", "ﾃﾝﾃｷ 3ｼﾞｶﾝ ﾃﾞ ｵﾜﾘ")


# --- names -------------------------------------------------------------------------------------------------


def test_a_field_label_after_a_comma_is_not_part_of_a_latin_name():
    assert ("Kiyoshi Kuga", "PATIENT_NAME") in masked("patient Kiyoshi Kuga, ID 0068803")


@pytest.mark.parametrize("text, name", [("英語対応。奥様 Priya (080-3321-7764) 控室", "Priya")])
def test_a_name_after_a_polite_word_for_a_relative(text, name):
    assert name in values(text)


@pytest.mark.parametrize(
    "text, name", [("松浦ヨシ子さん 86歳 女性", "松浦ヨシ子"), ("山田キミ代（88歳）", "山田キミ代")]
)
def test_a_katakana_given_name_glued_to_the_family_name(text, name):
    assert name in values(text)


@pytest.mark.parametrize("text", ["東京タワー子供会", "新型コロナ子ども"])
def test_katakana_and_a_kanji_glued_to_a_word_are_no_name(text):
    assert not masked(text)


@pytest.mark.parametrize("text", ["乗員 野々村、早瀬、Ns.関。\n", "\tDr.石黒/Ns.関\t野々村\t38\n"])
def test_one_kanji_after_a_staff_abbreviation_closing_a_sentence_or_a_cell(text):
    assert "関" in masked_as("PHYSICIAN_NAME", text)


def test_initials_defined_in_a_key_are_that_person_in_every_row():
    text = (
        "01/22(木)  +19  200  -  I        YS      外用ステロイド\n"
        "01/23(金)  +20  250  -  I        KK      -\n\n"
        "※評価者略号：YS = 湯浅 沙織（病棟医）、KK = 小柴 一樹（主治医）\n"
    )
    assert values(text).count("YS") == 2 and values(text).count("KK") == 2


@pytest.mark.parametrize(
    "text",
    [
        "SQL> SELECT * FROM V WHERE HIS=森 哲也 AND OFF=0\nHIS OFF\n",  # a code table, not a key of initials
        "CM: 杉山 加奈\nCM 訪問予定\n",  # a field's label
    ],
)
def test_capitals_before_a_sign_and_a_name_are_no_key_of_initials(text):
    spans = values(text)
    assert "HIS" not in spans and "OFF" not in spans and "CM" not in spans


# --- wards -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, unit", [("入所フロア　2階一般療養棟　208号室", "2階一般療養棟"), ("3階在宅復帰棟 321", "3階在宅復帰棟")]
)
def test_a_care_units_floor_and_name(text, unit):
    assert (unit, "DEPARTMENT") in balanced_masked(text)


def test_a_building_on_a_floor_is_no_ward():
    assert not masked("2階管理棟の会議室")


@pytest.mark.parametrize(
    "text, name",
    [("[11:47] 小野寺 結: ご主人の 誠 さん、輸注に立ち会いたい", "誠"), ("なお奥様（彩 様）にも病状を説明済み", "彩")],
)
def test_a_given_name_alone_between_a_relation_and_an_honorific(text, name):
    assert name in masked_as("EMERGENCY_CONTACT", text)


def test_a_word_before_same_is_no_relatives_name():
    assert "同" not in values("■同行者（同様の曝露）\n　夫 ロペス ホセ（070-3391-0846）")


def test_a_katakana_given_name_closing_a_field_after_the_family_name():
    assert "福田 ロサリンダ" in values('"MC-0033917","FUKUDA ROSALINDA","福田 ロサリンダ","3F在宅復帰棟"\n')


def test_a_known_katakana_word_after_a_family_name_is_not_taken_in():
    assert "鈴木 センター" not in values('"鈴木","センター","3F"\n')


@pytest.mark.parametrize(
    "text",
    [
        'ward=7W room=712-2 dest="みどりが丘リハビリテーション病院"\n',
        "PV1|1|I|7W^712^2||||||04^転院|MIDORIGAOKA_RH^みどりが丘リハビリテーション病院||||||20241019153000\n",
    ],
)
def test_a_facilitys_place_before_its_connector_opening_a_field(text):
    assert "みどりが丘リハビリテーション病院" in masked_as("HOSPITAL_NAME", text)


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
