"""Numbers, dates and durations in each interface language."""

from datetime import date, datetime

import pandas as pd
import pytest

from phi_core.ui.formatting import (
    MISSING,
    format_count,
    format_date,
    format_duration,
    format_number,
    format_percent,
)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_numbers_have_thousands_separators_and_fixed_decimals(language):
    assert format_count(1234567, language) == "1,234,567"
    assert format_number(12345.678, 2, language) == "12,345.68"
    assert format_number(84.63, 1, language) == "84.6"
    assert format_number(6.9, 1, language, sign=True) == "+6.9"
    assert format_number(-2.02, 2, language, sign=True) == "-2.02"


def test_a_gain_that_rounds_to_nothing_has_no_sign():
    assert format_number(-0.04, 1, sign=True) == "0.0"
    assert format_number(-0.0) == "0"


@pytest.mark.parametrize("value", [None, float("nan"), float("inf"), "n/a", pd.NA])
def test_missing_values_show_a_dash_never_nan(value):
    assert format_number(value, 2) == MISSING
    assert format_count(value) == MISSING
    assert format_percent(value) == MISSING
    assert format_duration(value, "ja") == MISSING


def test_percent_from_a_share():
    assert format_percent(0.978) == "97.8%"
    assert format_percent(0.5, 0, "ja") == "50%"


@pytest.mark.parametrize(
    "value",
    [
        date(2026, 11, 30),
        datetime(2026, 11, 30, 23, 59),
        pd.Timestamp("2026-11-30 08:00"),
        "2026-11-30",
        "2026-11-30T12:00:00",
    ],
)
def test_dates_in_each_language(value):
    assert format_date(value, "ja") == "2026年11月30日"
    assert format_date(value, "en") == "30 Nov 2026"


def test_single_digit_days_and_months_are_not_padded():
    assert format_date(date(2026, 1, 5), "ja") == "2026年1月5日"
    assert format_date(date(2026, 1, 5), "en") == "5 Jan 2026"


@pytest.mark.parametrize("value", [None, "", "yesterday", pd.NaT])
def test_unreadable_dates_show_a_dash(value):
    assert format_date(value, "ja") == MISSING


@pytest.mark.parametrize(
    "seconds, ja, en",
    [
        (90, "1分30秒", "1 min 30 s"),
        (24.6, "24.6秒", "24.6 s"),
        (5, "5.0秒", "5.0 s"),  # one decimal below a minute, so a column of times lines up
        (0.043, "0.04秒", "0.04 s"),
        (0.996, "1.0秒", "1.0 s"),
        (0, "0.00秒", "0.00 s"),
        (59.96, "1分", "1 min"),  # rounds up to a whole minute, not "60.0 s"
        (3600, "1時間", "1 h"),
        (3725, "1時間2分5秒", "1 h 2 min 5 s"),
        (3605.4, "1時間5秒", "1 h 5 s"),
    ],
)
def test_durations_in_each_language(seconds, ja, en):
    assert format_duration(seconds, "ja") == ja
    assert format_duration(seconds, "en") == en


def test_a_negative_duration_is_not_a_duration():
    assert format_duration(-3, "en") == MISSING
