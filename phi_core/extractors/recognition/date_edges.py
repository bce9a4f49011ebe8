"""What a found date carries with it, in any kind of document.

- its weekday in brackets: 2026-11-26 (Thu), 12月3日（木曜）;
- a part of the month after a month: 11月中旬, 3月末;
- the other end of a range written short: 12月2日(水)〜3日(木), 11/2-11/5: the
  second end is a date of the same kind.
"""

from __future__ import annotations

import re

from phi_core.extractors.recognition.candidates import Candidate

DATE_CATEGORIES = frozenset({"EXAM_DATE", "OTHER_DATE", "BIRTH_DATE"})
_WEEKDAY = r"[ \u3000]?[（(](?:[月火水木金土日](?:曜日?)?|(?i:mon|tue|wed|thu|fri|sat|sun)(?i:[a-z]{0,6})\.?)[)）]"
_WEEKDAY_RE = re.compile(_WEEKDAY)
_PART_OF_MONTH = re.compile(r"上旬|中旬|下旬|初旬|末|頃|ごろ")
_RANGE_END = re.compile(
    r"[ \u3000]?[〜~～–\-][ \u3000]?"
    r"(?P<end>(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日|[0-9]{1,2}/[0-9]{1,2}(?![/0-9]))"
    rf"(?P<weekday>{_WEEKDAY})?"
)


def extend_dates(text: str, spans: list[Candidate]) -> list[Candidate]:
    out = sorted(spans, key=lambda c: c.start)
    result: list[Candidate] = []
    for i, span in enumerate(out):
        if span.category not in DATE_CATEGORIES:
            result.append(span)
            continue
        limit = out[i + 1].start if i + 1 < len(out) else len(text)
        end = span.end
        if text[span.start : end].endswith("月"):
            part = _PART_OF_MONTH.match(text, end)
            if part and part.end() <= limit:
                end = part.end()
        weekday = _WEEKDAY_RE.match(text, end)
        if weekday and weekday.end() <= limit:
            end = weekday.end()
        result.append(span._replace(end=end))
        other = _RANGE_END.match(text, end)
        if other and other.end() <= limit:
            result.append(span._replace(start=other.start("end"), end=other.end()))
    return result
