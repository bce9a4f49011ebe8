"""Forms of the twenty-eighth round (blind-final65..72 once spent, blind-dev264..): each with its look-alikes."""

from __future__ import annotations

import pytest

from phi_core.extractors.recognition.label_words import column_rule
from tests.extractors.recall_probes import balanced_masked, masked, masked_as, values

# --- a year of birth under a column or key named in any spelling (birth_year, birthYear, Year of birth) ----------


@pytest.mark.parametrize("key", ["birth_year", "birthYear", "Year of birth", "birth year", "YOB", "出生年"])
def test_every_spelling_of_a_birth_year_column_reads_a_birth_year(key):
    rule = column_rule(key)
    assert rule is not None and rule.category == "BIRTH_DATE"


@pytest.mark.parametrize(
    "text, year",
    [
        ('{"local_id":"N-0427730","birth_year":1972,"sex":"male"}', "1972"),
        ('{\n  "ageAtBaseline": 40,\n  "birthYear": 1983,\n  "diagnosis": ["1.1 Migraine"]\n}', "1983"),
        ("ID,birth_year,sex\nA-1,1972,M", "1972"),
    ],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_year_under_a_birth_year_key_is_a_birth_date(extract, text, year):
    assert (year, "BIRTH_DATE") in extract(text)


@pytest.mark.parametrize(
    "text",
    ['{"version": "2019", "year": 2023}', '{"birth_year": 972}', '{"fiscal_year": 2024, "count": 1983}'],
)
def test_a_year_under_another_key_or_no_year_is_no_birth_date(text):
    assert masked_as("BIRTH_DATE", text) == []


# --- a date's key holding its year alone, and an allergy's identification date in HL7 (AL1-6) --------------------


@pytest.mark.parametrize(
    "text, year",
    [
        ('{"reaction": "蕁麻疹（軽症）",\n "onset_date": "2019",\n "certainty": "suspect"}', "2019"),
        ('{"diagnosed_date": "2021-04", "stage": "II"}', "2021-04"),
        ("PID|1||00123^^^H^MR\nAL1|3|DA|729999^ヨード造影剤^JY|MI|蕁麻疹|2018", "2018"),
        ("PID|1||00123^^^H^MR\nAL1|4|FA|F00214^そば^JY|SV|喘鳴・呼吸困難|1998", "1998"),
    ],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_year_where_a_date_belongs_is_a_date(extract, text, year):
    assert (year, "OTHER_DATE") in extract(text)


@pytest.mark.parametrize(
    "text",
    [
        '{"onset_date": "unknown", "dose": "2019"}',
        "PID|1||00123^^^H^MR\nAL1|1|DA|2018^ペニシリン^JY|MO|発疹|",
        "PID|1||00123^^^H^MR\nOBX|1|NM|2018^Glucose||98|mg/dL",
    ],
)
def test_a_number_outside_a_date_field_is_no_date(text):
    assert masked_as("OTHER_DATE", text) == []


def test_an_allergy_field_of_five_digits_is_no_year():
    assert ("20190", "OTHER_DATE") not in masked("PID|1||00123^^^H^MR\nAL1|5|DA|X^Y|MI|発疹|20190")


# --- a chat's sender before >, and a katakana sender who posts twice where others talk ---------------------------


@pytest.mark.parametrize(
    "text, sender",
    [
        ("07:58 sasagawa > 今日の脱感作、調製お願いします\n07:59 higa > はい。", "sasagawa"),
        ("07:58 sasagawa > 今日の脱感作、調製お願いします\n07:59 higa > はい。", "higa"),
        ("09:02 minato(8W) > 受け取りました。", "minato"),
        ("01:12 ﾊﾞﾝﾄﾞｳ: 305-2 ﾑﾛﾌｼさん 自尿120\n01:13 ﾊﾞﾝﾄﾞｳ: 導尿でいいですよね？\n01:15 溝口(リーダー): OK", "ﾊﾞﾝﾄﾞｳ"),
        ("21:02 サトウ：救急外来から連絡\n21:05 オオタ：了解\n21:07 サトウ：搬送します", "サトウ"),
    ],
)
def test_a_chat_sender_is_a_staff_name(text, sender):
    assert sender in values(text)


@pytest.mark.parametrize(
    "text, word",
    [
        ("03:05 エコー：子宮内に胎嚢確認\n10:00 カンファ: 予定通り", "エコー"),
        ("03:05 エコー：子宮内に胎嚢確認\n10:00 エコー: 予定通り", "エコー"),
        ("10:00 カンファ: 予定通り\n11:00 カンファ: 延期", "カンファ"),
        ("09:30 > 14:00 に変更", "14:00"),
    ],
)
def test_a_log_word_before_a_colon_or_a_time_after_a_bracket_is_no_sender(text, word):
    assert (word, "PHYSICIAN_NAME") not in masked(text)


# --- a post in brackets after a name is no reading; the name before it is a staff member's ------------------------


@pytest.mark.parametrize(
    "text, name, post",
    [
        ("担当 佐藤（リーダー）、山田(サブリーダー)", "佐藤", "リーダー"),
        ("01:15 溝口(リーダー): OK", "溝口", "リーダー"),
        ("送り：比嘉（ケアマネ）へ連絡", "比嘉", "ケアマネ"),
    ],
)
def test_a_post_after_a_name_is_no_reading(text, name, post):
    spans = balanced_masked(text)
    assert (post, "NAME_READING") not in spans
    assert (name, "PHYSICIAN_NAME") in spans


@pytest.mark.parametrize(
    "text, reading", [("山田太郎（ヤマダ タロウ）様", "ヤマダ タロウ"), ("氏名 李 偉（リ ウエイ）", "リ ウエイ")]
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_reading_in_brackets_is_still_a_reading(extract, text, reading):
    assert (reading, "NAME_READING") in extract(text)


# --- a column of patients named by their initials (患者(ｲﾆｼｬﾙ), イニシャル) -------------------------------------------


@pytest.mark.parametrize("header", ["患者(ｲﾆｼｬﾙ)", "患者（イニシャル）", "イニシャル", "Patient (initials)"])
def test_a_column_of_initials_holds_patient_names(header):
    rule = column_rule(header)
    assert rule is not None and rule.category == "PATIENT_NAME"


def test_initials_under_such_a_column_are_masked():
    text = (
        "日付\t曜\t時間\t患者(ｲﾆｼｬﾙ)\tID\t内容\n"
        "2023/12/07\t木\t14:10\tS.S\t0188-2273\t下腿義足 修理\n"
        "2023/12/08\t金\t14:00\tH.O\t5527-18\t大腿義足 仮合せ\n"
    )
    spans = balanced_masked(text)
    assert ("S.S", "PATIENT_NAME") in spans and ("H.O", "PATIENT_NAME") in spans


@pytest.mark.parametrize("header", ["患者(人数)", "イニシャル数", "患者数(イニシャル別)"])
def test_a_count_of_patients_or_initials_is_no_name_column(header):
    assert column_rule(header) is None


def test_a_label_of_initials_also_reads_the_sex_beside_it():
    spans = balanced_masked("7150\u3000イニシャル K.S.\u300070代\u3000男性\n被疑薬：バンコマイシン")
    assert ("K.S.", "PATIENT_NAME") in spans and ("男性", "SEX") in spans
