"""The Japanese eras: names, letters and first days, in one table.

A date belongs to the last era that began on or before it; year 1 of an era
is written 元 (令和元年). ``base_year`` is the Western year of the era's year 0,
so Western year = base_year + era year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Era:
    name: str
    letter: str
    first_day: date
    english: str
    reading: str  # in katakana, as a form typed in kana writes it (ﾚｲﾜ8/9/27)

    @property
    def base_year(self) -> int:
        return self.first_day.year - 1


# Newest first.
ERAS: tuple[Era, ...] = (
    Era("令和", "R", date(2019, 5, 1), "Reiwa", "レイワ"),
    Era("平成", "H", date(1989, 1, 8), "Heisei", "ヘイセイ"),
    Era("昭和", "S", date(1926, 12, 25), "Showa", "ショウワ"),
    Era("大正", "T", date(1912, 7, 30), "Taisho", "タイショウ"),
    Era("明治", "M", date(1868, 1, 25), "Meiji", "メイジ"),
)
ERA_BY_NAME: dict[str, Era] = {era.name: era for era in ERAS}
ERA_BY_LETTER: dict[str, Era] = {era.letter: era for era in ERAS}
# Oldest first, as dates and patterns traditionally list them.
ERA_NAMES: tuple[str, ...] = tuple(era.name for era in reversed(ERAS))
ERA_LETTERS: str = "".join(era.letter for era in reversed(ERAS))
ERA_READINGS: tuple[str, ...] = tuple(era.reading for era in reversed(ERAS))
FIRST_YEAR = "元"


def _years_of(era: Era) -> int | None:
    """How many years ``era`` lasted (its last year's number); None for the present era."""
    newer = ERAS.index(era) - 1
    return ERAS[newer].first_day.year - era.first_day.year + 1 if newer >= 0 else None


# 平成 ended in its 31st year and 昭和 in its 64th: H81.1 is a diagnosis code, not a year and month.
ERA_YEARS: dict[str, int | None] = {era.letter: _years_of(era) for era in ERAS}


def possible_era_year(letter: str, year: int) -> bool:
    """Whether year ``year`` of the era lettered ``letter`` ever existed."""
    last = ERA_YEARS[letter]
    return year >= 1 and (last is None or year <= last)


def era_of(day: date, *, oldest: str = "M") -> tuple[Era, int]:
    """(era, year within the era) of ``day``; eras older than the one lettered ``oldest`` are not used."""
    for era in ERAS:
        if day >= era.first_day:
            return era, day.year - era.first_day.year + 1
        if era.letter == oldest:
            break
    raise ValueError(
        f"{day.isoformat()} is before the {ERA_BY_LETTER[oldest].english} era ({ERA_BY_LETTER[oldest].name}); pick a later date"
    )


def western_year(era: str, year: int) -> int:
    """The Western year of year ``year`` of ``era`` (a name such as 平成 or a letter such as H)."""
    found = ERA_BY_NAME.get(era) or ERA_BY_LETTER[era]
    return found.base_year + year


def era_year_text(year: int) -> str:
    return FIRST_YEAR if year == 1 else str(year)
