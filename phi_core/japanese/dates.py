"""Reading a written date: (year, month, day) of a date written any common way.

Era dates full and abbreviated (令和6年8月6日, R6.8.6, H15年), Western dates in
every common order (2024/8/6, 8/6/2024, 20240806), English dates
(6 Aug 2024, Aug 6, 2024); full-width digits fold first. Missing parts are None.
"""

from __future__ import annotations

import re

from .eras import ERA_LETTERS, ERA_NAMES, FIRST_YEAR, western_year
from .width import nfkc

_ERA_DATE_RE = re.compile(f"({'|'.join(ERA_NAMES)})({FIRST_YEAR}|\\d{{1,2}})(?:\\(\\d{{4}}\\))?年")
_LETTER_DATE_RE = re.compile(
    f"([{ERA_LETTERS}])(" r"\d{1,2})(?:[./\-](\d{1,2})(?:[./\-](\d{1,2}))?|年(?:(\d{1,2})月(?:(\d{1,2})日)?)?|(?=生))"
)
_NUMERIC_DATE_RE = re.compile(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})")
_SHORT_DATE_RE = re.compile(r"(\d{2})[/.](\d{1,2})[/.](\d{1,2})$")
_DMY_DATE_RE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_COMPACT_DATE_RE = re.compile(r"((?:19|20)\d{2})(\d{2})(\d{2})")
_ENGLISH_MONTHS = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}
_ENGLISH_DATE_RE = re.compile(
    r"(?:(\d{1,2})(?:st|nd|rd|th)?[ -]?)?([A-Za-z]{3})[A-Za-z]*\.?[-, ]*(?:(\d{1,2})(?:st|nd|rd|th)?,? )?(\d{4})"
)
_YEAR_FIRST_ENGLISH_RE = re.compile(r"(\d{4})[ -]([A-Za-z]{3})[A-Za-z]*\.?[ -](\d{1,2})")
_WESTERN_YEAR_RE = re.compile(r"(\d{4})年")
_MONTH_RE = re.compile(r"(\d{1,2})月")
_DAY_RE = re.compile(r"(\d{1,2})日")


def _int(group: str | None) -> int | None:
    return int(group) if group else None


def date_key(value: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of a date written any supported way, for equality checks."""
    folded = nfkc(value).replace(" ", "")
    letter = _LETTER_DATE_RE.match(folded)
    if letter:
        year = western_year(letter.group(1), int(letter.group(2)))
        return year, _int(letter.group(3) or letter.group(5)), _int(letter.group(4) or letter.group(6))
    numeric = _NUMERIC_DATE_RE.match(folded)
    if numeric:
        return int(numeric.group(1)), int(numeric.group(2)), int(numeric.group(3))
    short = _SHORT_DATE_RE.match(folded)
    if short:
        return 2000 + int(short.group(1)), int(short.group(2)), int(short.group(3))
    dmy = _DMY_DATE_RE.match(folded)
    if dmy:
        first, second = int(dmy.group(1)), int(dmy.group(2))
        # Month first when it can be (US order is the common one in exports).
        month, day = (first, second) if first <= 12 else (second, first)
        return int(dmy.group(3)), month, day
    compact = _COMPACT_DATE_RE.match(folded)
    if compact and len(folded) >= 8 and folded[:8].isdigit():
        return int(compact.group(1)), int(compact.group(2)), int(compact.group(3))
    english = _ENGLISH_DATE_RE.match(value)
    if english and english.group(2).lower() in _ENGLISH_MONTHS:
        return (
            int(english.group(4)),
            _ENGLISH_MONTHS[english.group(2).lower()],
            _int(english.group(1) or english.group(3)),
        )
    year_first = _YEAR_FIRST_ENGLISH_RE.match(value)
    if year_first and year_first.group(2).lower() in _ENGLISH_MONTHS:
        return int(year_first.group(1)), _ENGLISH_MONTHS[year_first.group(2).lower()], int(year_first.group(3))
    era = _ERA_DATE_RE.match(folded)
    if era:
        year: int | None = western_year(era.group(1), 1 if era.group(2) == FIRST_YEAR else int(era.group(2)))
    else:
        western = _WESTERN_YEAR_RE.match(folded)
        year = int(western.group(1)) if western else None
    month = _MONTH_RE.search(folded)
    day = _DAY_RE.search(folded)
    return year, int(month.group(1)) if month else None, int(day.group(1)) if day else None


# Dates written in kanji numerals (令和六年六月十二日, 二〇二四年六月十二日, 六月十二日):
# formal letters, certificates and some signatures.
# The parts of a day a note writes before an hour or after a day (夕方6時, 20日の夜から), longest first.
PARTS_OF_DAY: tuple[str, ...] = ("明け方", "早朝", "未明", "夕方", "深夜", "夜中", "朝", "昼", "夕", "夜", "晩")
KANJI_NUMERALS = "〇一二三四五六七八九十"
_K = f"[{KANJI_NUMERALS}]"
KANJI_NUMERAL_DATE = re.compile(
    f"(?:(?:{'|'.join(ERA_NAMES)})(?:{FIRST_YEAR}|{_K}{{1,3}})年|[〇一二三四五六七八九]{{4}}年)"
    f"(?:{_K}{{1,2}}月(?:{_K}{{1,3}}日)?)?"
    f"|{_K}{{1,2}}月{_K}{{1,3}}日"
)
