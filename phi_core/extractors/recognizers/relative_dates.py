"""Dates without a year that the short-date patterns refuse, where their form or place says they are dates.

- a month and day in full-width digits (``１１／１０``, ``１２/３``), as a Japanese input method types them:
  a month of 1-12 and a day valid for it, not a fraction, a count or a page (``１／２錠``, ``１／３程度``,
  ``３／５本目``, ``１／３ページ``, ``２／２``);
- a month and day, with a dot or a slash, in brackets right after a word that places a visit or an event
  in time (``前回（10.5）``, ``昨日（11/10）``, ``次回(12.3)``, ``last visit (11/10)``): ``7.5g`` or ``(2.5)``
  elsewhere is a decimal, but a decimal in brackets after 前回 would need its unit;
- a month and day with a dot, followed by its weekday (``10.5（月）``, ``11.9 (Mon)``) or by a time of day
  (``予約 11.14 10:00`` after a word of a visit or opening a line): no decimal has a weekday, and a lab value
  before the time it was drawn has its test's name before it (``Cr 1.2 08:00``);
- an English month with an ordinal day (``November 14th``, ``Nov. 3rd, 2026``), and days listed under one
  month (``11月14・15日``, ``12月1〜5日``);
- a date in an era written with one kanji or in kana (``令8.11.14``, ``平30年4月``, ``ﾚｲﾜ8/9/27``,
  ``ﾚｲﾜ8ﾈﾝ11ｶﾞﾂ14ﾆﾁ``, ``ヘイセイ3年``), as old systems and kana keyboards write it;
- a month and day of two digits each with a leading zero, whatever word is glued after it (``未返却→11/06回収``,
  ``09/12受診``): no fraction or count is written with a leading zero; and any month and day glued before a
  verb of handing over that starts like a count's 回 (``11/6回収``, ``12/3返却``);
- a year and month with a dot alone in brackets after an event (``s/p amputation (2024.06)``, ``(2019.6)``):
  a value of 1950-2039 with one decimal place or a month's two is no measure anyone writes alone in brackets;
- a day of the month after the month said in words (``先月20日``, ``今月5日``, ``来月の3日``); not 翌月10日, the
  day a rule sets (a bill paid by the 10th of the next month).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import KANJI
from phi_core.japanese.eras import ERA_NAMES, ERA_READINGS
from phi_core.japanese.width import to_half_width_kana

from .sudachi_names import RANK_SUPPLEMENT

_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_FULL_WIDTH = re.compile(
    r"(?<![0-9０-９/／.．:：A-Za-z])(?<!ページ)(?<!ページ )(?<!頁)(?<!頁 )(?P<m>[０-９]{1,2})[／/](?P<d>[０-９]{1,2})"
    r"(?![0-9０-９/／.．:：]|[ \u3000]?(?:[周程量倍強弱錠包枚本個回点件人名頁]|ページ|セット)|以(?![降後前]))"
)
# Words that place a visit or an event in time, before its date in brackets.
_WHEN = (
    r"(?:前回|前々回|次回|今回|初回|初診|再診|昨日|一昨日|先日|当日|翌日|前日|本日|先週|先月|受診日|来院日"
    r"|(?<![A-Za-z])(?:last visit|previous visit|prior visit|last|previous|prior|next visit|next))"
)
_AFTER_WORD = re.compile(
    rf"{_WHEN}[ \u3000]?[（(](?P<date>(?P<m>[0-9０-９]{{1,2}})[./／.．](?P<d>[0-9０-９]{{1,2}}))"
    r"(?:[ \u3000]?[（(]?[月火水木金土日][)）]?)?[)）]"
    # A value compared with the last one is a lab value: 前回(12.3) → 11.8.
    r"(?![ \u3000]?(?:→|->|⇒|＞|>|＜|<|[0-9０-９]))"
)

_DOTTED_WEEKDAY = re.compile(
    r"(?<![0-9０-９.．A-Za-z])(?P<m>[0-9０-９]{1,2})[.．](?P<d>[0-9０-９]{1,2})"
    r"[ \u3000]?[（(](?:[月火水木金土日](?:曜日?)?|(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?)[)）]"
)
# Opening a line, or after a word of a visit: a lab value before the time it was drawn (Cr 1.2 08:00) stays.
_DOTTED_CLOCK = re.compile(
    r"(?:^[ \u3000・\-*]*|(?:予約|受診|来院|次回|前回|入院|退院|外来|手術|検査|日付|Date|date)[ \u3000:：]*)"
    r"(?P<date>(?P<m>[0-9]{1,2})[.](?P<d>[0-9]{1,2}))(?= (?:[01]?[0-9]|2[0-3]):[0-5][0-9](?![0-9]))",
    re.MULTILINE,
)
_MONTH_WORD_DAY = re.compile(
    r"(?:先月|今月|来月|前月|同月|先々月)の?[ \u3000]?(?P<d>[0-9０-９]{1,2})日(?![0-9０-９]|間|分|目|以内|程度|毎|ごと)"
)
_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_ORDINAL_DAY = re.compile(
    rf"(?<![A-Za-z])(?:{_MONTH_NAMES})\.? (?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)(?![A-Za-z0-9])(?:,? [0-9]{{4}})?"
)
_DAYS_OF_A_MONTH = re.compile(
    r"(?<![0-9０-９])(?P<m>[0-9０-９]{1,2})月(?P<d>[0-9０-９]{1,2})(?:[・、,〜~～\-–][0-9０-９]{1,2})+日(?![0-9０-９]|間|分|目)"
)
# An era by one kanji or in kana, then a date: 令8.11.14, 平30年4月, ﾚｲﾜ8/9/27, ﾚｲﾜ8ﾈﾝ11ｶﾞﾂ14ﾆﾁ.
_ERA = (
    rf"(?:(?<![{KANJI}])[{''.join(name[0] for name in ERA_NAMES)}]"
    rf"|{'|'.join(ERA_READINGS + tuple(to_half_width_kana(reading) for reading in ERA_READINGS))})"
)
_ERA_DATE = re.compile(
    rf"{_ERA}(?:[0-9０-９]{{1,2}}|元)"
    r"(?:[./／](?P<m>[0-9０-９]{1,2})(?:[./／][0-9０-９]{1,2})?|(?:年|ﾈﾝ|ネン)(?:[0-9０-９]{1,2}(?:月|ｶﾞﾂ|ガツ)"
    r"(?:[0-9０-９]{1,2}(?:日|ﾆﾁ|ニチ))?)?)(?![0-9０-９.A-Za-z%％])"
)


# Short dates refuse a fraction's or a count's words after a date (3/4回, 1/2錠); a leading zero writes no fraction.
_PADDED = re.compile(r"(?<![0-9A-Za-z/.:\-])(?P<m>0[1-9]|1[0-2])/(?P<d>[0-3][0-9])(?![0-9A-Za-z/%]|[.:][0-9])")
# A month and day glued before a verb that starts like a count's 回 (11/6回収, 12/3回答): short dates refuse 回.
_BEFORE_VERB = re.compile(
    r"(?<![0-9A-Za-z/.:\-])(?P<m>1[0-2]|0?[1-9])/(?P<d>[0-3]?[0-9])(?=回収|回答|回覧|回送|返却|返品|受領|提出|発送|締切)"
)
_TEST_NAME_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z0-9\-]{0,7}[ ]?[（(]$")
_YEAR_MONTH_IN_BRACKETS = re.compile(r"(?<=[（(])(?:19[5-9][0-9]|20[0-3][0-9])\.(?:0?[1-9]|1[0-2])(?=[)）])")


def _valid(month: str, day: str) -> bool:
    m, d = int(month), int(day)
    return 1 <= m <= 12 and 1 <= d <= _DAYS[m - 1]


@register
class RelativeDateRecognizer(Recognizer):
    name: ClassVar[str] = "relative-date"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_DATE",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        if "／" in text or "/" in text:
            # ２／２ counts all of a set (sets, pages, instruments), as a score its full marks.
            found += [
                m.span()
                for m in _FULL_WIDTH.finditer(text)
                if _valid(m.group("m"), m.group("d")) and m.group("m") != m.group("d")
            ]
        if "/" in text:
            found += [
                m.span()
                for m in _PADDED.finditer(text)
                if _valid(m.group("m"), m.group("d")) and "0" in (m.group("m")[0], m.group("d")[0])
            ]
            found += [m.span() for m in _BEFORE_VERB.finditer(text) if _valid(m.group("m"), m.group("d"))]
        if "(" in text or "（" in text:
            for m in _YEAR_MONTH_IN_BRACKETS.finditer(text):
                # A month of one digit after a test's name is its value with one decimal (CK (2024.5)).
                if len(m.group()) == 7 or not _TEST_NAME_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                    found.append(m.span())
            found += [m.span("date") for m in _AFTER_WORD.finditer(text) if _valid(m.group("m"), m.group("d"))]
            found += [m.span() for m in _DOTTED_WEEKDAY.finditer(text) if _valid(m.group("m"), m.group("d"))]
        if ":" in text:
            found += [m.span("date") for m in _DOTTED_CLOCK.finditer(text) if _valid(m.group("m"), m.group("d"))]
        # A month of 1-12 after a dot: 大5.0 and 平2.5 are no dates.
        found += [m.span() for m in _ERA_DATE.finditer(text) if not m.group("m") or 1 <= int(m.group("m")) <= 12]
        if "月" in text:
            found += [m.span() for m in _MONTH_WORD_DAY.finditer(text) if 1 <= int(m.group("d")) <= 31]
            found += [m.span() for m in _DAYS_OF_A_MONTH.finditer(text) if _valid(m.group("m"), m.group("d"))]
        if "st" in text or "nd" in text or "rd" in text or "th" in text:
            for m in _ORDINAL_DAY.finditer(text):
                if 1 <= int(m.group("d")) <= 31:
                    # A month written out opens no name (the allow-list's openers): the day is proposed, and
                    # date_edges takes the month before it back in.
                    found.append((m.start("d") if m.group().split(" ")[0].isalpha() else m.start(), m.end()))
        return [Candidate(s, e, "OTHER_DATE", RANK_SUPPLEMENT) for s, e in found]
