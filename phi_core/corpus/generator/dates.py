"""Dates and times written the many ways Japanese reports write them.

Each writing style is a small function in a registry; the generator picks one
by name so the shipped corpus mixes era dates (昭和38年11月15日), western dates
(1963年11月15日, 1963/11/15) and full-width digits (２０２４年８月６日).
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Callable

from phi_core.corpus.generator.width import to_fullwidth
from phi_core.japanese import eras


def era_of(day: date) -> tuple[str, str, int]:
    """(era name, era letter, year within the era) of a date from 1912-07-30 on.

    The oldest patients (born before 25 December 1926) have Taisho birth dates;
    nobody generated is older.
    """
    era, year = eras.era_of(day, oldest="T")
    return era.name, era.letter, year


def _era_kanji(day: date) -> str:
    name, _, year = era_of(day)
    year_text = "元" if year == 1 else str(year)
    return f"{name}{year_text}年{day.month}月{day.day}日"


def _era_letter(day: date) -> str:
    _, letter, year = era_of(day)
    return f"{letter}{year}.{day.month}.{day.day}"


def _western_kanji(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _western_slash(day: date) -> str:
    return f"{day.year}/{day.month:02d}/{day.day:02d}"


def _western_hyphen(day: date) -> str:
    return day.isoformat()


def _western_fullwidth(day: date) -> str:
    return to_fullwidth(_western_kanji(day))


def _era_fullwidth(day: date) -> str:
    return to_fullwidth(_era_kanji(day))


DATE_STYLES: dict[str, Callable[[date], str]] = {
    "era": _era_kanji,
    "era_letter": _era_letter,
    "western": _western_kanji,
    "slash": _western_slash,
    "hyphen": _western_hyphen,
    "western_fullwidth": _western_fullwidth,
    "era_fullwidth": _era_fullwidth,
}

# How often each style is drawn; birth dates lean on era writing as Japanese
# forms do, examination dates on western writing as RIS printouts do.
BIRTH_DATE_WEIGHTS: dict[str, int] = {
    "era": 45,
    "western": 25,
    "slash": 10,
    "era_letter": 5,
    "hyphen": 3,
    "western_fullwidth": 7,
    "era_fullwidth": 5,
}
EXAM_DATE_WEIGHTS: dict[str, int] = {
    "era": 25,
    "western": 35,
    "slash": 20,
    "era_letter": 3,
    "hyphen": 7,
    "western_fullwidth": 7,
    "era_fullwidth": 3,
}


def pick_style(rng: random.Random, weights: dict[str, int]) -> str:
    names = list(weights)
    return rng.choices(names, weights=[weights[n] for n in names])[0]


def format_date(day: date, style: str) -> str:
    return DATE_STYLES[style](day)


def _time_colon(moment: time) -> str:
    return f"{moment.hour}:{moment.minute:02d}"


def _time_kanji(moment: time) -> str:
    return f"{moment.hour}時{moment.minute}分" if moment.minute else f"{moment.hour}時"


def _time_fullwidth(moment: time) -> str:
    return to_fullwidth(f"{moment.hour}：{moment.minute:02d}")


TIME_STYLES: dict[str, Callable[[time], str]] = {
    "colon": _time_colon,
    "kanji": _time_kanji,
    "fullwidth": _time_fullwidth,
}
TIME_WEIGHTS: dict[str, int] = {"colon": 65, "kanji": 25, "fullwidth": 10}


def format_time(moment: time, style: str) -> str:
    return TIME_STYLES[style](moment)


def random_exam_datetime(rng: random.Random) -> datetime:
    """A weekday examination between 2023 and 2025, in working hours, on a 5-minute grid."""
    first = date(2023, 1, 4)
    day = first + timedelta(days=rng.randrange(365 * 3))
    while day.weekday() >= 5:
        day += timedelta(days=1)
    minutes = rng.randrange(8 * 12 + 6, 18 * 12) * 5  # 8:30 to 17:55
    return datetime(day.year, day.month, day.day, minutes // 60, minutes % 60)


def birth_date_for_age(rng: random.Random, exam_day: date, age: int) -> date:
    """A birth date that makes the patient exactly ``age`` on the examination day."""
    latest = date(exam_day.year - age, exam_day.month, min(exam_day.day, 28))
    return latest - timedelta(days=rng.randrange(0, 364))


def age_on(birth: date, day: date) -> int:
    had_birthday = (day.month, day.day) >= (birth.month, birth.day)
    return day.year - birth.year - (0 if had_birthday else 1)


def earlier_date(rng: random.Random, day: date, *, min_days: int = 30, max_days: int = 900) -> date:
    return day - timedelta(days=rng.randrange(min_days, max_days))


def later_date(rng: random.Random, day: date, *, max_days: int = 5) -> date:
    return day + timedelta(days=rng.randrange(0, max_days + 1))
