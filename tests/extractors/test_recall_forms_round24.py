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
