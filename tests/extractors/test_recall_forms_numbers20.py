"""Numbers of the twentieth round (blind-dev21..40, blind-final21..23): HL7 timestamps in fields the
table does not read, a specimen's number, English months with their stop or in capitals, rooms
named before a spaced name, ages glued to a sex code in brackets or before a colon,
years written out after a sex letter or a date.

Each form with the look-alikes it must leave alone.
"""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked_as, values

# --- HL7 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        ("OBR|1|2408||32010^CT^JJ1017|||||||||||||||||||||CT|||^^^20240808100000", "20240808100000"),
        ("MSH|^~\\&|HIS\nSPM|1|S24-05527||SKIN^皮膚^L|||||||||||||||20240725141500", "20240725141500"),
        ("ORC|NW|2408||||||^^^202408081000^^R", "202408081000"),
    ],
)
def test_a_whole_timestamp_in_any_hl7_field_is_a_date(text, stamp):
    assert stamp in found("hl7", text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("OBX|1|NM|HEIGHT^身長||158.2|cm|||||F|||20241399120000", "20241399120000"),  # no 13th month
        ("OBR|1|2408||32010^CT^JJ1017|||||||||||||||||||||CT|||^^^202408", "202408"),  # too short
        ("OBR|1|2408||32010^CT^JJ1017|||||||||||||||||||||CT|||^^^30240808100000", "30240808100000"),
    ],
)
def test_a_code_or_a_short_number_in_an_unread_field_stays_a_code(text, value):
    assert value not in found("hl7", text)


def test_a_specimen_number_is_an_identifier():
    assert "S24-05527" in masked_as("OTHER_ID", "MSH|^~\\&|HIS\nSPM|1|S24-05527||SKIN^皮膚^L")


# --- English months -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("He flies back to France on Oct. 6. Please check", "Oct. 6"),
        ("Discharged: Feb. 6 to home", "Feb. 6"),
        ("3 days of pain, admitted 15 MAR to the ward", "15 MAR"),
        ("seen on 3 Mar. for labs", "3 Mar"),
    ],
)
def test_an_english_month_with_its_stop_or_in_capitals(text, date):
    assert date in masked_as("OTHER_DATE", text)


@pytest.mark.parametrize(
    "text",
    [
        "Surgery is planned in January.\n2. Patient education",  # a stop and a line: a sentence ended
        "MARCH 2 groups",  # no month abbreviation in capitals of a word
        "MAR 2024 report",  # a year, not a day
    ],
)
def test_a_month_that_closes_a_sentence_takes_no_number(text):
    # The month may be masked on its own (in January); the list's number 2 must not join it.
    dates = masked_as("OTHER_DATE", text)
    assert not any("2" in date and "2024" not in date for date in dates), dates


# --- rooms ----------------------------------------------------------------------------


def test_a_room_before_a_name_written_with_a_blank():
    text = "うちの病棟の件ですね。805の小野寺 功さんと812の小野寺 勲さん、今も両方入院"
    assert {"805", "812"} <= set(masked_as("OTHER_ID", text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("血糖 300の 推移", "300"),  # no person after it
        ("点滴（500〜1000）mL", "500"),  # no word of rooms before the brackets
        ("11階東の他の個室（1101〜1112）でも経年劣化", "1101"),  # a run of rooms is the building's, not a patient's
    ],
)
def test_numbers_that_are_no_rooms(text, value):
    assert value not in masked_as("OTHER_ID", text)


# --- ages -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age", "sex"),
    [
        ("- Pt 0913 (Mr. Sato), 72M: BP 168/94.", "72", "M"),
        ("Adm: N.S. (81F?) COPD AE, HOT", "81", "F"),
        ("Adm: N.S. (81F) COPD AE", "81", "F"),
    ],
)
def test_an_age_glued_to_its_sex_code_in_brackets_or_before_a_colon(text, age, sex):
    assert age in masked_as("AGE", text)
    assert sex in masked_as("SEX", text)


@pytest.mark.parametrize(
    "text",
    [
        "病棟 (3F) へ移動",  # a floor
        "エレベーター 4F: 受付",
        "KCl (2M) 溶液",
    ],
)
def test_a_floor_or_a_molarity_is_no_age(text):
    assert masked_as("AGE", text) == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Patient : KANG Mi-kyung   F / 57 yrs   DOB 1967-09-03", "57 yrs"),
        ("Birthday: 2012.08.19 (12 years)", "12 years"),
    ],
)
def test_years_written_out_after_a_sex_letter_or_a_date(text, age):
    assert age in masked_as("AGE", text)


@pytest.mark.parametrize("text", ["smoker (20 years)", "since 2010 (12 years)", "F / 57 mm"])
def test_years_in_brackets_in_prose_are_a_duration(text):
    assert not any(v.endswith("years") or v == "57" for v in values(text))
