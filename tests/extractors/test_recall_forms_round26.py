"""Forms of the twenty-sixth round (blind-final55..58 once spent, blind-dev238..): each with its look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import balanced_masked, masked_as, values


# --- a family name the dictionary has whole, before an honorific, though the list reads its first kanji ----------


@pytest.mark.parametrize(
    "text, name",
    [
        ("かかりつけ：ひだまり在宅クリニック（森永先生）　℡ 078-954-2260", "森永"),
        ("主治医は森永先生です。", "森永"),
        ("森永さんへ折り返し連絡", "森永"),
    ],
)
def test_a_dictionary_family_name_before_an_honorific_is_whole(text, name):
    assert (name, "PHYSICIAN_NAME") in balanced_masked(text) or (name, "PATIENT_NAME") in balanced_masked(text)


@pytest.mark.parametrize("text", ["星芒状様の陰影あり", "森林浴様の気分"])
def test_words_opening_with_a_family_names_kanji_stay(text):
    assert balanced_masked(text) == []


# --- CN: a certified or coordinating nurse's title, glued after the name or before it ------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("明日 10時 退院予定（三好CN より退院指導済）。", "三好"),
        ("cc: 移植CN 三好 / 病棟 N", "三好"),
        ("CN 千早 より連絡あり", "千早"),
    ],
)
def test_a_name_beside_cn_is_masked_in_recall_first(text, name):
    assert name in values(text)  # the name alone: not 千早 より


@pytest.mark.parametrize("text", ["CN VII palsy, CN 2-12 intact", "CN II-XII grossly intact"])
def test_cranial_nerves_are_no_nurse(text):
    assert values(text) == []


# --- English month dates: never across a table's tab; a spreadsheet's month and year -------------------------------


def test_a_day_and_the_next_cells_month_are_two_values():
    text = "8:31 AM\t01301992\tPARK Jiwoo\t2001/4/8\tNov 5\t9:30 AM\tENT"
    dates = masked_as("OTHER_DATE", text)
    assert "2001/4/8" in dates and "Nov 5" in dates


@pytest.mark.parametrize("text, value", [("| 0.38 (Jul-24) | Jan-21 | 52 |", "Jul-24"), ("started Mar-23", "Mar-23")])
def test_a_month_and_two_digits_is_a_date_in_recall_first(text, value):
    assert value in masked_as("OTHER_DATE", text)


@pytest.mark.parametrize("text", ["Jun-40 cells", "Mar-99"])
def test_a_month_and_a_number_no_day_or_year_reads_stays(text):
    assert masked_as("OTHER_DATE", text) == []


def test_a_clocks_seconds_and_fraction_are_no_dotted_date():
    text = "5 rows selected.\nElapsed: 00:00:01.27\nSQL> -- 次回 03.15 予約"
    assert balanced_masked(text) == [("03.15", "OTHER_DATE")]


# --- a Japanese number in international form with no blank, as a messaging system stores it ----------------------


@pytest.mark.parametrize("text", ["20250121 180001\tSMS\t+819011327744\tSK-10455", '"to": "+819031148820",'])
def test_a_compact_international_japanese_number_is_a_phone(text):
    assert any(value.startswith("+81") and category == "PHONE" for value, category in balanced_masked(text))


@pytest.mark.parametrize("text", ["id +8190113277445", "+81 2"])
def test_longer_or_shorter_runs_are_no_phone(text):
    assert all(category != "PHONE" for _, category in balanced_masked(text))


# --- one kanji the dictionary has only as a family name, before an honorific ---------------------------------------


@pytest.mark.parametrize("text, name", [("院内通訳 劉 さん 15:00 来室予定。", "劉"), ("陳先生より返信", "陳")])
def test_a_one_kanji_name_the_dictionary_has_only_as_a_name(text, name):
    assert name in [value for value, _ in balanced_masked(text)]


@pytest.mark.parametrize("text", ["お孫さんが来院", "元さんの件", "領収書 上様 ご請求"])
def test_one_kanji_that_is_also_a_word_is_left(text):
    assert balanced_masked(text) == []


@pytest.mark.parametrize("text", ["UNIT  REF   DEC-24   JAN-25   FEB-25", "host=OCT-02", '"BR-AUG-02"'])
def test_a_month_in_capitals_with_two_digits_is_a_column_or_a_code(text):
    assert masked_as("OTHER_DATE", text) == []


@pytest.mark.parametrize("text, value", [("JUN-18-98 THU 15:27", "JUN-18-98"), ("dob Mar-3-1961", "Mar-3-1961")])
def test_a_month_day_and_year_joined_by_hyphens_is_one_date(text, value):
    assert (value, "OTHER_DATE") in balanced_masked(text)


def test_a_column_of_months_is_no_day_and_month():
    assert masked_as("OTHER_DATE", "REF DEC-24 JAN-25 FEB-25") == []
