"""Dates written without a year and without a label: 5/14, 07/04, 6/14(金), 20 Mar, Mar 20.

A month of 1-12 and a day valid for it, not part of a longer number, a
fraction (3/4周, 1/2程度, 1/3以上; but 12/10以降 and 11/30回診 are dates), a
fraction of a score (MMT 4/5) or an anatomy number (C5/6); the clinical
allow-list lets through ratios it knows. A dotted form counts only with a
leading zero (09.24), since 9.24 is a decimal. A year and month in machine form
(2026-12, 2026/12) is a date too, and a year alone after a label of birth (生年 1979).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.page_marks import page_counters
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
# Months written out ("around 15 September"); the abbreviations alone would stop at "Sep".
# A month/day may follow a label's colon (隔離開始:10/01), not a clock's (12:10/...) nor a page's (頁:1/1).
FULL_MONTHS = "January|February|March|April|June|July|August|September|October|November|December"
_SLASH = re.compile(
    r"(?=\d)(?<![0-9A-Za-z/.\-])(?<![0-9頁]:)(\d{1,2})/(\d{1,2})(?![0-9A-Za-z/]|\.\d|:\d|[周程量倍強弱]|以(?![降後前])|回(?!診))"
    r"(?:[（(][月火水木金土日][)）]|[㈪㈫㈬㈭㈮㈯㈰])?"
)
# With a full-width slash (２／１９, ６／14), which also parts counts, scores and pages: not 8／9名, 7／10機会, a score
# before its comment (4／5「…」), a ward's free beds (0／4西), a page (ｐ１／２, ２／４ページ), nor one of a series (6／2／1).
_WIDE_SLASH = re.compile(
    r"(?=\d)(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ/／.\-])(\d{1,2})／(\d{1,2})"
    r"(?![0-9０-９A-Za-z/／]|\.\d|:\d|[周程量倍強弱名件床人機]|以(?![降後前])|回(?!診)|ページ|[ \u3000]?「|[ \u3000]?[東西南北])"
    r"(?:[（(][月火水木金土日][)）]|[㈪㈫㈬㈭㈮㈯㈰])?"
)
# A month of a year in machine form: 2026-12, 2026/12 (not inside a longer code: CR-2026-00903).
# A year of birth alone after its label: 生年 1979, and in English (Year of Birth : 1949, YOB 1952), a form's dot
# leader between them too (Year of Birth ........ 1958).
_BIRTH_YEAR = re.compile(
    r"(?:生年|生まれ年|出生年|(?<![A-Za-z])(?:[Yy]ear of [Bb]irth|YEAR OF BIRTH|[Bb]irth [Yy]ear|BIRTH YEAR|YOB|YoB))"
    r"[ \u3000]*(?:[:：]|\.{4,}|[…‥]+)?[ \u3000]*(?P<year>(?:19|20)[0-9]{2})(?![0-9/\-.年])"
)
# A full stop may close the sentence after it (Next review 2031-12.), not start a decimal or a version.
_YEAR_MONTH = re.compile(
    r"(?=[12])(?<![0-9A-Za-z\-/.])(?:19|20)\d\d[-/](?:0?[1-9]|1[0-2])(?![0-9A-Za-z\-/]|\.[0-9A-Za-z])"
)
# (not a clock's seconds and their fraction: 00:00:01.27)
_DOTTED = re.compile(r"(?<![0-9A-Za-z.:：])(0\d)\.(\d{2})(?![0-9A-Za-z.])")
# An abbreviation may end in its full stop (Oct. 6, 3 Mar.), and a typed log or a military
# note writes it in capitals (admitted 15 MAR).
# After a day the stop more often closes the sentence (on 3 Mar.), so the span ends before it.
# (A stop then a line break closes a sentence: planned in January.⏎2. Patient)
_MONTH_WORD = rf"(?:{FULL_MONTHS}|{_MONTHS}|{_MONTHS.upper()})"
_ENGLISH = re.compile(
    # (a system log pads a day of one digit with a second blank: Dec  9 08:52:03)
    # (never across a line or a tab: "room=ENDO-2⏎Mar" is a value and the next line's month, "2001/4/8<tab>Nov 5"
    # two cells; a spreadsheet's month and year: Jul-24)
    rf"(?<![0-9A-Za-z-])(?:(\d{{1,2}})[ \u00a0]{_MONTH_WORD}|{_MONTH_WORD}(?:[ \u00a0]|\. |  (?=\d(?!\d)))(\d{{1,2}})"
    # (a spreadsheet's month and two digits in title case only: DEC-24 heads a lab table's column, OCT-02 names a host)
    rf"|(?:{_MONTHS})-(\d{{2}})(?!-)"
    # (a month, day and year joined by hyphens, in either case: JUN-18-98)
    rf"|(?:{_MONTHS}|{_MONTHS.upper()})-(\d{{1,2}})-(?:\d{{4}}|\d{{2}})"
    # a ledger's day and month in capitals (03-FEB)
    rf"|(\d{{1,2}})-(?:{_MONTHS.upper()}))"
    rf"(?![0-9A-Za-z])(?:,?[ \u00a0]\d{{4}})?"
)

# A weekday and an ordinal day, the month understood (a CT slot on Mon 25th, start on Thursday 28th).
_WEEKDAY_ORDINAL = re.compile(
    r"(?=[MTWFS])(?<![A-Za-z])(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?,? "
    r"(?:the )?(\d{1,2})(?:st|nd|rd|th)(?![0-9A-Za-z]| floor)"
)
# A part of a month written out, its year maybe after it (suggested window: mid-March 2025; from late June).
_PART_OF_MONTH = re.compile(
    rf"(?=[emlbEMLB])(?<![A-Za-z])(?:[Ee]arly|[Mm]id|[Ll]ate|[Ee]nd of|[Bb]eginning of)[- ](?:{FULL_MONTHS}|May)"
    r"(?![A-Za-z])(?:,? (?:19|20)[0-9]{2}(?![0-9]))?"
)
# A stretch of days in one month (10–12 Feb 2025, 18-20 December): the first day joins the date.
_DAY_RANGE = re.compile(
    rf"(?=[0-9])(?<![0-9A-Za-z./:\-])(?:[0-2]?[0-9]|3[01])[–\-](?:[0-2]?[0-9]|3[01]) (?:{_MONTH_WORD})(?![A-Za-z])"
    r"(?:,? (?:19|20)[0-9]{2}(?![0-9]))?"
)
# A camera's date in its own form, colons between year, month and day, the time after it (EXIF: 2025:02:27 15:42:08).
_CAMERA_DATE = re.compile(
    r"(?=[12])(?<![0-9:])(?:19|20)[0-9]{2}:(?:0[1-9]|1[0-2]):(?:0[1-9]|[12][0-9]|3[01])(?= [0-2][0-9]:[0-5][0-9])"
)
# A month and day as Chinese writes them, the day with 号 (拆线还是 11月6号 吗？), not a room or a car (6号室, 1号車).
_CHINESE_DAY = re.compile(r"(?=[0-9])(?<![0-9])(?:1[0-2]|0?[1-9])月(?:3[01]|[12][0-9]|0?[1-9])号(?![室館棟車線機])")

_LETTERS = re.compile("[A-Za-z]{3}")
# (each pattern above opens with a look-ahead at its first letter: the engine then skips other places at once)


def _valid(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _DAYS[month - 1]


@register
class ShortDateRecognizer(Recognizer):
    name: ClassVar[str] = "short-date"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_DATE", "BIRTH_DATE")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        counters = page_counters(text)
        for pattern in (_SLASH, _WIDE_SLASH, _DOTTED):
            for m in pattern.finditer(text):
                if _valid(int(m.group(1)), int(m.group(2))) and m.span() not in counters:
                    found.append(Candidate(m.start(), m.end(), "OTHER_DATE", RANK_SUPPLEMENT))
        found.extend(Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _YEAR_MONTH.finditer(text))
        found.extend(Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _CAMERA_DATE.finditer(text))
        if "号" in text:
            found.extend(Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _CHINESE_DAY.finditer(text))
        # (the patterns below open with alternations tried at every position: only where their words can be)
        if "生" in text or "irth" in text or "IRTH" in text or "YOB" in text or "YoB" in text:
            found.extend(Candidate(*m.span("year"), "BIRTH_DATE", RANK_SUPPLEMENT) for m in _BIRTH_YEAR.finditer(text))
        lettered = _LETTERS.search(text) is not None
        for m in _ENGLISH.finditer(text) if lettered else ():
            day = int(next(group for group in m.groups() if group))
            if 1 <= day <= 31:
                found.append(Candidate(m.start(), m.end(), "OTHER_DATE", RANK_SUPPLEMENT))
        if lettered:
            found.extend(Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _PART_OF_MONTH.finditer(text))
            found.extend(Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _DAY_RANGE.finditer(text))
        for m in _WEEKDAY_ORDINAL.finditer(text) if lettered else ():
            if 1 <= int(m.group(1)) <= 31:
                found.append(Candidate(m.start(), m.end(), "OTHER_DATE", RANK_SUPPLEMENT))
        return found
