"""Dates and times shifted by a fixed offset, each kept in its written form.

One offset per patient keeps every interval true (days between two exams,
age at the exam). Each date is rewritten in the form it was found in: era
(令和6年8月6日, R6.8.6, 令和元年) or western (2024年8月6日, 2024/08/06), the
same separators, zero padding and digit width. A shift that crosses an era
boundary writes the new era (令和元年5月1日 minus a day is 平成31年4月30日).
Dates without a year (8月6日) are shifted within a leap reference year.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Callable

from phi_core.deid.surrogate.shapes import ascii_digits, same_width_digit
from phi_core.japanese.eras import ERA_LETTERS, ERA_NAMES, FIRST_YEAR
from phi_core.japanese.eras import ERAS as _ERAS

# (name, letter, first day), newest first: a view of the one era table.
ERAS: tuple[tuple[str, str, date], ...] = tuple((era.name, era.letter, era.first_day) for era in _ERAS)

_ERA_BY_NAME = {name: start for name, _, start in ERAS}
_ERA_BY_LETTER = {letter: start for _, letter, start in ERAS}
_LETTER_OF = {name: letter for name, letter, _ in ERAS}

D = "[0-9０-９]"
SEP = "[/／.．\\-－]"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "era",
        re.compile(
            rf"({'|'.join(reversed(ERA_NAMES))})\s*({FIRST_YEAR}|{D}{{1,2}})\s*年\s*({D}{{1,2}})\s*月(?:\s*({D}{{1,2}})\s*日)?"
        ),
    ),
    (
        "era_letter",
        re.compile(
            rf"(?<![A-Za-z])([{ERA_LETTERS[::-1]}])\s*({D}{{1,2}})({SEP})({D}{{1,2}})({SEP})({D}{{1,2}})(?!{D})"
        ),
    ),
    ("western", re.compile(rf"(?<!{D})({D}{{4}})\s*年\s*({D}{{1,2}})\s*月(?:\s*({D}{{1,2}})\s*日)?")),
    ("western_sep", re.compile(rf"(?<!{D})({D}{{4}})({SEP})({D}{{1,2}})({SEP})({D}{{1,2}})(?!{D})")),
    ("month_day", re.compile(rf"(?<!{D})({D}{{1,2}})\s*月\s*({D}{{1,2}})\s*日")),
)
TIME = re.compile(rf"(?<!{D})({D}{{1,2}})(\s*[:：時]\s*)({D}{{2}}|{D}{{1,2}}(?=\s*分))(?!{D})")
LEAP_YEAR = 2000  # a reference year that has 29 February


def _num(text: str | None) -> int:
    return int(ascii_digits(text)) if text else 0


def _like(original: str, number: int, *, pad: bool = False) -> str:
    """``number`` written like ``original``: same zero padding and digit width."""
    text = str(number)
    if len(original) > len(text) and (pad or original[0] in "0０"):
        text = text.rjust(len(original), "0")
    return "".join(same_width_digit(original[0], int(d)) for d in text)


def era_of(day: date) -> tuple[str, int]:
    for name, _, start in ERAS:
        if day >= start:
            return name, day.year - start.year + 1
    raise ValueError(f"{day} is before the Meiji era")


def _sub(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _replace_groups(match: re.Match[str], values: dict[int, str]) -> str:
    """The match with some of its groups replaced (by group number)."""
    out, cursor = [], match.start()
    for group in sorted(values):
        if match.start(group) < 0:
            continue
        out.append(match.string[cursor : match.start(group)])
        out.append(values[group])
        cursor = match.end(group)
    out.append(match.string[cursor : match.end()])
    return "".join(out)


def _shift_era(m: re.Match[str], days: int) -> str | None:
    era, year_text, month, day_text = m.group(1), m.group(2), m.group(3), m.group(4)
    year = 1 if year_text == "元" else _num(year_text)
    try:
        old = date(_ERA_BY_NAME[era].year + year - 1, _num(month), _num(day_text) if day_text else 15)
    except ValueError:
        return None
    new = old + timedelta(days=days)
    name, new_year = era_of(new)
    # 元年 is how the first year of an era is written, unless the original wrote 1 itself.
    if new_year == 1 and ascii_digits(year_text) != "1":
        year_out = "元"
    else:
        year_out = _like(year_text if year_text != "元" else "1", new_year)
    values = {1: name, 2: year_out, 3: _like(month, new.month)}
    if day_text:
        values[4] = _like(day_text, new.day)
    return _replace_groups(m, values)


def _shift_era_letter(m: re.Match[str], days: int) -> str | None:
    letter, year, month, day_text = m.group(1), m.group(2), m.group(4), m.group(6)
    try:
        old = date(_ERA_BY_LETTER[letter].year + _num(year) - 1, _num(month), _num(day_text))
    except ValueError:
        return None
    new = old + timedelta(days=days)
    name, new_year = era_of(new)
    return _replace_groups(
        m, {1: _LETTER_OF[name], 2: _like(year, new_year), 4: _like(month, new.month), 6: _like(day_text, new.day)}
    )


def _shift_western(m: re.Match[str], days: int) -> str | None:
    year, month, day_text = m.group(1), m.group(2), m.group(3)
    try:
        old = date(_num(year), _num(month), _num(day_text) if day_text else 15)
    except ValueError:
        return None
    new = old + timedelta(days=days)
    values = {1: _like(year, new.year), 2: _like(month, new.month)}
    if day_text:
        values[3] = _like(day_text, new.day)
    return _replace_groups(m, values)


def _shift_western_sep(m: re.Match[str], days: int) -> str | None:
    year, month, day_text = m.group(1), m.group(3), m.group(5)
    try:
        new = date(_num(year), _num(month), _num(day_text)) + timedelta(days=days)
    except ValueError:
        return None
    return _replace_groups(m, {1: _like(year, new.year), 3: _like(month, new.month), 5: _like(day_text, new.day)})


def _shift_month_day(m: re.Match[str], days: int) -> str | None:
    month, day_text = m.group(1), m.group(2)
    try:
        new = date(LEAP_YEAR, _num(month), _num(day_text)) + timedelta(days=days)
    except ValueError:
        return None
    return _replace_groups(m, {1: _like(month, new.month), 2: _like(day_text, new.day)})


_SHIFTERS: dict[str, Callable[[re.Match[str], int], str | None]] = {
    "era": _shift_era,
    "era_letter": _shift_era_letter,
    "western": _shift_western,
    "western_sep": _shift_western_sep,
    "month_day": _shift_month_day,
}


def shift_dates(text: str, days: int) -> tuple[str, int]:
    """Every date in ``text`` moved by ``days``; returns the text and how many dates moved."""
    taken: list[tuple[int, int, str]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e, _ in taken):
                continue  # a longer form (with era or year) already covers this stretch
            new = _SHIFTERS[kind](m, days)
            if new is not None:
                taken.append((m.start(), m.end(), new))
    for start, end, new in sorted(taken, reverse=True):
        text = _sub(text, start, end, new)
    return text, len(taken)


def shift_times(text: str, minutes: int) -> tuple[str, int]:
    """Every clock time (14:30, 14時30分, １４：３０) moved by ``minutes`` around the clock."""
    found = []
    for m in TIME.finditer(text):
        hour, minute = _num(m.group(1)), _num(m.group(3))
        if hour > 23 or minute > 59:
            continue
        moved = datetime(2000, 1, 1, hour, minute) + timedelta(minutes=minutes)
        found.append(
            (m, _replace_groups(m, {1: _like(m.group(1), moved.hour), 3: _like(m.group(3), moved.minute, pad=True)}))
        )
    for m, new in reversed(found):
        text = _sub(text, m.start(), m.end(), new)
    return text, len(found)
