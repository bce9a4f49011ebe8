"""What a found date carries with it, in any kind of document.

- its weekday in brackets: 2026-11-26 (Thu), 12月3日（木曜）, 12/11(ﾓｸ), or an English one before it
  (Thu, 3 Dec 2026);
- a part of the month after a month: 11月中旬, 3月末, 12月第1週, 2027/1/末;
- the other end of a range written short: 12月2日(水)〜3日(木), 11/2-11/5, and the other
  choice (12月10日(木)または11日(金)): the second end is a date of the same kind;
- and a time its 頃 (18時頃) and the half of the day written before it (PM3:00).
"""

from __future__ import annotations

import re

from phi_core.extractors.recognition.candidates import Candidate

DATE_CATEGORIES = frozenset({"EXAM_DATE", "OTHER_DATE", "BIRTH_DATE"})
_WEEKDAY = (
    r"[ \u3000]?[（(](?:[月火水木金土日](?:曜日?)?|(?i:mon|tue|wed|thu|fri|sat|sun)(?i:[a-z]{0,6})\.?"
    r"|ｹﾞﾂ|ｶ|ｽｲ|ﾓｸ|ｷﾝ|ﾄﾞ|ﾆﾁ)[)）]"
)
# "18時頃", "3時ごろ": an approximate time keeps its word; "PM3:00" its half of the day.
_ABOUT = re.compile(r"頃|ごろ")
_HALF_DAY_BEFORE = re.compile(r"(?<![A-Za-z])(?:AM|PM|am|pm|A\.M\.|P\.M\.)[ ]?$")
# "Thu, 3 Dec 2026": an English weekday written before the date.
_WEEKDAY_BEFORE = re.compile(r"(?<![A-Za-z])(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?[ ]$")
_WEEKDAY_RE = re.compile(_WEEKDAY)
_PART_OF_MONTH = re.compile(r"上旬|中旬|下旬|初旬|末|頃|ごろ|第[1-5１-５]週")
_YEAR_MONTH_SLASH = re.compile(r"[0-9]{4}/[0-9]{1,2}")
_SLASH_PART_OF_MONTH = re.compile(r"/(?:上旬|中旬|下旬|初旬|末)")
_RANGE_END = re.compile(
    r"[ \u3000]?(?:[〜~～–\-]|または|又は|もしくは|か|と|、|・)[ \u3000]?"
    r"(?P<end>(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日(?!分|間|後|前|目|以内|以上|程度|毎|ごと)|[0-9]{1,2}/[0-9]{1,2}(?![/0-9]))"
    rf"(?P<weekday>{_WEEKDAY})?"
)


def extend_dates(text: str, spans: list[Candidate]) -> list[Candidate]:
    out = sorted(spans, key=lambda c: c.start)
    result: list[Candidate] = []
    swallowed: set[Candidate] = set()
    for i, span in enumerate(out):
        if span in swallowed:
            continue
        limit = out[i + 1].start if i + 1 < len(out) else len(text)
        if span.category == "TIME":
            about = _ABOUT.match(text, span.end)
            half = _HALF_DAY_BEFORE.search(text, max(0, span.start - 5), span.start)
            previous_end = result[-1].end if result else 0
            start = half.start() if half and half.start() >= previous_end else span.start
            end = about.end() if about and about.end() <= limit else span.end
            result.append(span._replace(start=start, end=end))
            continue
        if span.category not in DATE_CATEGORIES:
            result.append(span)
            continue
        end = span.end
        before = _WEEKDAY_BEFORE.search(text, max(0, span.start - 12), span.start)
        if before and before.start() >= (result[-1].end if result else 0):
            span = span._replace(start=before.start())
        if text[span.start : end].endswith("月"):
            part = _PART_OF_MONTH.match(text, end)
            if part and part.end() <= limit:
                end = part.end()
        elif _YEAR_MONTH_SLASH.fullmatch(text, span.start, end):
            part = _SLASH_PART_OF_MONTH.match(text, end)  # 2027/1/末, 2026/12/上旬
            if part and part.end() <= limit:
                end = part.end()
        weekday = _WEEKDAY_RE.match(text, end)
        if weekday:
            # A piece of the weekday found as something else (ﾓｸ read as a name) gives way to the date.
            inside = [s for s in out[i + 1 :] if s.start >= end and s.end <= weekday.end()]
            if weekday.end() <= (out[i + 1 + len(inside)].start if i + 1 + len(inside) < len(out) else len(text)):
                end = weekday.end()
                swallowed.update(inside)
        result.append(span._replace(end=end))
        other = _RANGE_END.match(text, end)
        while other and other.end() <= limit:  # 12月3日、5日、7日: every date of the list
            result.append(span._replace(start=other.start("end"), end=other.end()))
            other = _RANGE_END.match(text, other.end())
    return result
