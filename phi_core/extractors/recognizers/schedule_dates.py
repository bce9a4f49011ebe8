"""A month and day written with a dash in a schedule: ``day 0 (08-04), day 7 (08-11)``, ``by 09-01``.

Vaccination plans, follow-up schedules and trial calendars write each visit's day count, then its date as
month-day in brackets, or a deadline after by/until/due. Both parts take two digits (a month 01-12, a
day 01-31), and the date stands only after a day count (``day 7``, ``Day 21-28``, ``D14``) or a word of
a deadline; a range in brackets after anything else (``RR (12-20)``, ``(10-20%)``) is a range.
A log's row or entry writes the month-day before the time of day (``06-10 | 10:05``, ``next review 02-10 9am``):
a range has no clock after it. A month-day written with the month's leading zero (``pcr 02-05 neg``, ``10-05``
with the day's) is a date wherever it stands: a range, a score or a grade is not padded with zeros.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_MONTH_DAY = r"(?:0[1-9]|1[0-2])[-‐](?:0[1-9]|[12][0-9]|3[01])"
_SCHEDULED = re.compile(
    r"(?:(?<![A-Za-z])(?:[Dd]ay|DAY|D)[ ]?[0-9]{1,3}(?:[-–~〜][0-9]{1,3})?[ ]?[(（](?:(?:by|until|on|due)[ ]+)?"
    r"|(?<![A-Za-z])(?:by|until|due|on)[ ]+)"
    rf"(?P<v>{_MONTH_DAY})(?![0-9\-‐/.:])"
)

# The month-day, then a column rule, a tab or blanks, then a time of day (10:05, 9am, 2 pm).
_BEFORE_TIME = re.compile(
    rf"(?<![0-9\-‐/.:])(?P<v>{_MONTH_DAY})(?=[ \t]*[|｜]?[ \t]*(?:[01]?[0-9]|2[0-3])(?::[0-5][0-9]|[ ]?(?:am|pm|AM|PM)\b))"
)

_PADDED = re.compile(
    r"(?<![0-9A-Za-z\-‐/.:])(?:0[1-9][-‐](?:0[1-9]|[12][0-9]|3[01])|1[0-2][-‐]0[1-9])"
    r"(?![0-9A-Za-z\-‐/.:]|[ ]?(?:[%％回例件個本枚人名]|mm|cm|mg))"
)


@register
class ScheduleDateRecognizer(Recognizer):
    name: ClassVar[str] = "schedule-date"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_DATE",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if "-" not in text and "/" not in text:
            return []
        found = [Candidate(*m.span("v"), "OTHER_DATE", RANK_SUPPLEMENT) for m in _SCHEDULED.finditer(text)]
        found.extend(Candidate(*m.span("v"), "OTHER_DATE", RANK_SUPPLEMENT) for m in _BEFORE_TIME.finditer(text))
        found.extend(Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _PADDED.finditer(text))
        return found
