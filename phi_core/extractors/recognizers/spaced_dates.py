"""Dates typed with spaces around their dots or slashes: R8. 12. 2, 2026. 12. 4, H27. 3. 1, 2026 . 11 . 20, 2026 / 12 / 03.

Forms and scanned pages space the parts of a dotted date; the date rules read
them only when the dots are tight. A year (four digits or an era letter with
one or two digits), a month and a day, each after a dot with a space on either
side. A scanned page may also write the letter O for zero and l or I for one
(R8. l2. l0, 2O26 . ll . 2O): the parts are read with those letters as digits,
and the date must still hold a real digit and a valid month and day. A stray space may split an era's
year of two digits too (H1 2. 7. 19 is H12.7.19), a blank may follow the era's letter (S 27. 3. 30), and a
date typed one digit to a box splits its day as well (S 1 8 . 5 . 2 O). A form may put a nakaguro
between the parts instead of a dot (S32・11・06): with a year of an era's letter or four digits, a list of
numbers (1・2・3) is not read. The end of a range of such dates may drop its year (R7. 9. 20 〜 9. 21).

A month and a day with a blank after the slash (``12/ 3``) closing a table's cell (a bar, a comma, a
gap of two blanks or the line's end after it), as a table typed by hand pads its dates; a ratio or a
count has its unit or its word after it.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from phi_core.japanese.eras import ERA_LETTERS, ERA_NAMES

from .sudachi_names import RANK_SUPPLEMENT

_D = "[0-9OlI]"
_DOT = r"[ \u3000]?[./・][ \u3000]?"
_SPACED_DATE = re.compile(
    rf"(?<![0-9A-Za-z.])(?P<year>[HSRTM] ?{_D}(?: ?{_D})?|(?:19|20|l9|2O){_D}{{2}}){_DOT}(?P<month>{_D}{{1,2}}){_DOT}"
    rf"(?P<day>{_D}(?: ?{_D})?)(?![0-9A-Za-z])"
)
_PADDED_MONTH_DAY = re.compile(
    r"(?<![0-9/.:A-Za-z])(?:1[0-2]|0?[1-9])/ (?:[12][0-9]|3[01]|0?[1-9])(?=[ \t\u3000]*(?:[|｜,\n]|$)|[ \t\u3000]{2})"
)
_AS_DIGITS = str.maketrans({"O": "0", "l": "1", "I": "1"})
# The end of a range of such dates drops its year (R7. 9. 20 〜 9. 21).
_RANGE_END = re.compile(
    rf"[ \u3000]?[〜~～\-–][ \u3000]?(?P<month>{_D}{{1,2}}){_DOT}(?P<day>{_D}{{1,2}})(?![0-9A-Za-z.])"
)


def _plausible(m: re.Match[str], day: str) -> bool:
    if not any(ch.isdigit() for ch in m.group()):
        return False
    if len({ch for ch in m.group() if ch in "./・"}) > 1:
        return False  # one separator throughout
    month = int(m.group("month").translate(_AS_DIGITS))
    return 1 <= month <= 12 and 1 <= int(day.translate(_AS_DIGITS).replace(" ", "")) <= 31


def _dates(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _SPACED_DATE.finditer(text):
        day = m.group("day")
        if _plausible(m, day):
            spans.append(m.span())
            end = _RANGE_END.match(text, m.end())
            if end and _plausible(end, end.group("day")):
                spans.append(end.span("month")[:1] + end.span("day")[1:])
        elif " " in day and _plausible(m, day[0]):
            spans.append((m.start(), m.start("day") + 1))  # the day's one digit, a count after it (R8. 12. 3 4錠)
    return spans


_S = "[ \u3000]?"
_W = "[0-9０-９OlI]"
# Units in kanji with blanks around the parts, as forms and typed-up carbon copies space them:
# 平成 10 年 6 月 3 日, 明治4 4年 9月 2日, H7年 5月 22日, 2024 年 6 月.
_UNIT_DATE = re.compile(
    rf"(?<![0-9０-９])(?:(?:{'|'.join(ERA_NAMES)}|[{ERA_LETTERS}]){_S}(?:元|{_W}(?:{_S}{_W})?)|{_W}{{4}})"
    rf"{_S}年{_S}{_W}{{1,2}}{_S}月(?:{_S}{_W}{{1,2}}{_S}日)?"
)


def _unit_dates(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _UNIT_DATE.finditer(text) if " " in m.group() or "\u3000" in m.group()]


@register
class SpacedDateRecognizer(Recognizer):
    name: ClassVar[str] = "spaced-date"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_DATE",)

    def find(self, doc: Document) -> list[Candidate]:
        found = (
            [Candidate(s, e, "OTHER_DATE", RANK_SUPPLEMENT) for s, e in _unit_dates(doc.text)]
            if "年" in doc.text
            else []
        )
        if not any(gap in doc.text for gap in (". ", ".\u3000", " .", "/ ", " /", "・")):
            return found
        found += [Candidate(s, e, "OTHER_DATE", RANK_SUPPLEMENT) for s, e in _dates(doc.text)]
        if "/ " in doc.text:
            found += [Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _PADDED_MONTH_DAY.finditer(doc.text)]
        return found
