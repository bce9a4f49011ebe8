"""Forms of the thirty-second round (blind-final105..112 once spent): each with its look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import covered, found, masked_as, values

# --- English departments joined by & or "and" -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, department",
    [
        ("Aoba General Hospital — Nephrology & Hypertension\n", "Nephrology & Hypertension"),
        ("Prefectural Hospital / Diabetes & Endocrinology outpatient", "Diabetes & Endocrinology"),
        ("referred to Rheumatology and Clinical Immunology today", "Rheumatology and Clinical Immunology"),
    ],
)
def test_an_english_department_takes_the_field_joined_to_it(text, department):
    assert department in found("department-word", text)
    assert department in masked_as("DEPARTMENT", text)


@pytest.mark.parametrize(
    "text, department",
    [
        ("Cardiology and Radiology agreed on the plan", "Cardiology"),  # the reading department is the writer's
        ("Seen in Cardiology and Dr Mori called", "Cardiology"),  # a doctor, not a field
        ("Cardiology & Tel 045-000-0000", "Cardiology"),
        ("Endocrinology and Nephrology both reviewed", "Endocrinology"),  # two departments, each its own
    ],
)
def test_a_join_to_no_field_leaves_the_department_as_it_was(text, department):
    assert department in found("department-word", text)
    assert not any(value.startswith(department + " ") for value in found("department-word", text))


# --- English facility names in capitals: shortened words and & ---------------------------------------------------


@pytest.mark.parametrize(
    "text, facility",
    [
        ("Inst: SHIRAKABA MUNICIPAL GEN. HOSP.  Lab: PFT-1", "SHIRAKABA MUNICIPAL GEN. HOSP."),
        ("GREENVALE AUDIOLOGY & IMPLANT CLINIC\n41 Harrow Street", "GREENVALE AUDIOLOGY & IMPLANT CLINIC"),
        ("腎生検予定一覧（固定長出力）  KITAHAMA CH  RUN:20250110", "KITAHAMA CH"),
    ],
)
def test_a_capitals_facility_with_short_words_or_a_join_is_one_name(text, facility):
    assert facility in found("latin-facility", text)
    assert covered(facility, values(text))


@pytest.mark.parametrize(
    "text",
    [
        "Transfer to GEN. HOSP. ward",  # generic words only
        "CITY GEN. HOSP. policy",
        "ECG CH 2 lead",  # a channel: no romaji name before it
        "THE & CLINIC",
    ],
)
def test_generic_capitals_name_no_facility(text):
    assert found("latin-facility", text) == []


# --- an infant's age in months beside a sex word, and a corrected age in weeks ------------------------------------


@pytest.mark.parametrize(
    "text, age",
    [
        ("性別/月齢   : 男児 / 4か月", "4か月"),
        ("部 湊斗（オカベ ミナト）　M0193377　男 4か月　│", "4か月"),
        ("受診者：2ヶ月 女児、母と来院", "2ヶ月"),
        ("ID 612093　7か月（修正4か月）　NICUフォロー", "7か月"),
    ],
)
def test_months_of_age_beside_a_sex_word_are_an_age(text, age):
    assert age in found("month-age", text)
    assert covered(age, masked_as("AGE", text))


@pytest.mark.parametrize(
    "text",
    [
        "女 3か月後に再診",  # a period after a sex word
        "男性 2か月間の内服",
        "5か月男性ホルモン療法",  # a sex word inside another word
        "現在 修正41週 2,690g。",  # a corrected age in weeks: writers leave it
        "修正後3か月で評価",
    ],
)
def test_a_period_beside_a_sex_word_is_no_age(text):
    assert found("month-age", text) == []
