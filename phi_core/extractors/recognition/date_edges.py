"""What a found date carries with it, in any kind of document.

- the month and day one to three blanks after its year, found apart (S31年 8月20日, 令和 6年  8月  6日), the day a few
  blanks after its month and the year before it, as a scanned form spaces them (19 年  3 月 15 日);
- its weekday in brackets: 2026-11-26 (Thu), 12月3日（木曜）, 12/11(ﾓｸ), written out with 曜 after a day
  (11月19日火曜日, 1月17日金曜, 2024年12月9日 月曜日: speech and mail headers drop the brackets), or an English one before it
  (Thu, 3 Dec 2026), and a month written out before a day (November 14th);
- a part of the month after a month: 11月中旬, 3月末, 12月第1週, 2027/1/末, 12月上旬～中旬; a season or part of the
  year after a year (2024年春, 2019年夏頃, 2023年末), and the year a month belongs to said in words
  before it (去年の10月, 昨年12月);
- the other end of a range written short: 12月2日(水)〜3日(木), 11/2-11/5, Nov 9–15, 11/9-15, 11/14・15 (a later day
  of the same month), the first end written short before a month or a day (10〜12月, 3-5日), and the other
  choice (12月10日(木)または11日(金)): the second end is a date of the same kind;
- its month and day back from a name glued after it (令和7年8月4日回復期リハ病院: the facility's recognizer ate them);
- a date its 頃 (11月14日頃); and a time its 頃 (18時頃, 22時台, 3時過ぎ), its minutes without 分 (15時40), the
  short ends of its range (14:10〜50, 9-17時) and the half of the day written before it (PM3:00).
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.japanese.dates import PARTS_OF_DAY
from phi_core.japanese.eras import ERA_NAMES, FIRST_YEAR

DATE_CATEGORIES = frozenset({"EXAM_DATE", "OTHER_DATE", "BIRTH_DATE"})
_WEEKDAY = (
    r"[ \u3000]?[（(][ \u3000]?(?:[月火水木金土日](?:曜日?)?(?:[・･](?:振替休日|振休|[祝休]日?))?|祝日?|(?i:mon|tue|wed|thu|fri|sat|sun)(?i:[a-z]{0,6})\.?"
    # (a Chinese letter writes it 星期六)
    r"|ｹﾞﾂ|ｶ|ｽｲ|ﾓｸ|ｷﾝ|ﾄﾞ|ﾆﾁ|星期[一二三四五六日天])[ \u3000]?[)）]"
)
# "18時頃", "3時ごろ": an approximate time keeps its word; "PM3:00" its half of the day.
_ABOUT = re.compile(r"頃|ごろ|(?<=時)(?:台|過ぎ|すぎ)")
_MINUTES_AFTER_HOUR = re.compile(r"[0-5０-５][0-9０-９](?![0-9０-９.]|[ ]?(?:分|名|人|件|回|歳|才|%|mg|kg|cm|mm))")
# (or the part of the day written just before the hour: 夕方6時, 明け方4時)
_HALF_DAY_BEFORE = re.compile(rf"(?<![A-Za-z])(?:AM|PM|am|pm|A\.M\.|P\.M\.)[ ]?$|(?:{'|'.join(PARTS_OF_DAY)})$")
# "Thu, 3 Dec 2026": an English weekday written before the date.
_WEEKDAY_BEFORE = re.compile(r"(?<![A-Za-z])(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?[ ]$")
_WEEKDAY_RE = re.compile(_WEEKDAY)
# Without brackets only with 曜, and only after a day: 火 alone after a date may begin the next word.
_WEEKDAY_WORD = re.compile(r"[ \u3000]?[月火水木金土日]曜(?:日)?")
# "11/17 Mon" in a log's first column: an English weekday one blank after a day's digits, whole.
_WEEKDAY_LATIN_WORD = re.compile(r"[ ](?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?(?![A-Za-z])")
# "November 14th": a month written out before a date that opens with its day.
# A fax machine's header writes the year short before the month and day ('96 05/13 14:02, 95 11/20 8:36):
# with its apostrophe always, bare only where a line or a run of blanks sets it and with the clock after the date.
_SHORT_YEAR_BEFORE = re.compile(
    r"(?:['’](?P<marked>[0-9]{2})|(?:(?<![^\n])|(?<=[ \u3000]{2})|(?<=\u3000))[0-9]{2})[ \u3000]$"
)
_CLOCK_AFTER = re.compile(r"[ \u3000]+[0-9]{1,2}:[0-5][0-9]")
_MONTH_DAY_SLASH = re.compile(r"[0-9]{1,2}/[0-9]{1,2}")
_MONTH_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:January|February|March|April|May|June|July|August|September|October|November|December) $"
)
# (and the stretch of it: 1月中に, 2月頭から; not a word that opens with 中, 1月中止)
_PART_OF_MONTH = re.compile(r"上旬|中旬|下旬|初旬|末日|末|頃|ごろ|第[1-5１-５]週|中(?![旬心央止断間毒])|頭(?![痛部])")
# A season or a part of the year after a year (not 2024年度, a fiscal year the allow-list judges).
# の may stand between (2025年の春), but only before a season: 2025年の末 is rare, 2025年の秋 common.
_PART_OF_YEAR = re.compile(
    r"(?:の(?=[春夏秋冬]))?(?:(?:春|夏|秋|冬)(?:頃|ごろ)?|初め|初頭|前半|後半|半ば|末|頃|ごろ)(?![0-9０-９])"
)
# The year of a month said in words before it: 去年の10月, 昨年12月, 今年の春 is no month.
_YEAR_WORD_BEFORE = re.compile(r"(?:去年|昨年|一昨年|おととし|今年|本年|来年|翌年|前年|同年)の?$")
# The day a short range ends on: Nov 9–15, 11/9-15; the day must come after the first.
_DAY_END = re.compile(
    r"[ ]?[〜~～–—\-・][ ]?(?P<day>[0-9]{1,2})(?![0-9/:.]|[ ]?(?:日|月|時|分|歳|才|回|%|mg|kg|cm|mm))"
)
# The first end of a range written short before a month or day: 10〜12月, 3-5日.
_RANGE_START = re.compile(r"(?<![0-9０-９./:\-])(?P<n>[0-9０-９]{1,2})[ ]?[〜~～–\-][ ]?$")
_MONTH_OR_DAY = re.compile(r"(?P<n>[0-9０-９]{1,2})(?P<unit>月|日)")
_MONTH_OR_DAY_OR_HOUR = re.compile(r"(?P<n>[0-9０-９]{1,2})(?P<unit>月|日|時)")
_CLOCK_PARTS = re.compile(r"(?:[01]?[0-9]|2[0-3])[:：][0-5][0-9](?![0-9])")
_CLOCK = re.compile(r"[0-9]{1,2}:(?P<mm>[0-5][0-9])")
_MINUTES_END = re.compile(r"[ ]?[〜~～\-–][ ]?(?P<mm>[0-5][0-9])(?![0-9:.]|[ ]?(?:分|名|人|件|回|歳|%|mg))")
_FIRST_DAY = re.compile(r"(?:[A-Z][a-z]{2,8}\.? |[0-9]{1,2}/)(?P<day>[0-9]{1,2})$")
_MONTH_START = re.compile(r"(?:1[0-2]|0?[1-9]|１[０-２]|０?[１-９])[ \u3000]?月")
# A form filled in by hand and scanned sets the parts of a date wide apart (令和 6年  8月  6日, 19 年  3 月 15 日):
# the day after a month, and the year before it, a few blanks away.
_SPACED_DAY_AFTER = re.compile(
    r"[ \u3000]{1,3}(?:[12][0-9]|3[01]|0?[1-9]|[１２][０-９]|３[０１]|０?[１-９])[ \u3000]?日"
)
_SPACED_YEAR_BEFORE = re.compile(r"(?<![0-9０-９])(?:[0-9０-９]{1,4}|元)[ \u3000]?年[ \u3000]{1,3}$")
_GAP = re.compile(r"[ \u3000]{1,3}")
_PART_RANGE_END = re.compile(r"[ ]?[〜~～\-–][ ]?(?:上旬|中旬|下旬|初旬|末)")
_YEAR_MONTH_SLASH = re.compile(r"[0-9]{4}/[0-9]{1,2}")
_SLASH_PART_OF_MONTH = re.compile(r"/(?:上旬|中旬|下旬|初旬|末)")
# An era's year and month with a dot (R7.5, H30.12): a part of the month after it, dotted or glued (R7.5.末, R6.5上旬).
_ERA_YEAR_MONTH_DOT = re.compile(r"[RHSrhs][0-9]{1,2}\.(?:1[0-2]|0?[1-9])")
_DOT_PART_OF_MONTH = re.compile(r"\.?(?:上旬|中旬|下旬|初旬|末)")
_RANGE_END = re.compile(
    r"[ \u3000]?(?:[〜~～–\-]|または|又は|もしくは|か|と|、|・)[ \u3000]?"
    r"(?P<end>(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日(?!分|間|後|前|目|以内|以上|程度|毎|ごと)|[0-9]{1,2}/[0-9]{1,2}(?![/0-9]))"
    rf"(?P<weekday>{_WEEKDAY})?"
)


def _extend_time(text: str, span: Candidate, previous_end: int, limit: int) -> Candidate:
    about = _ABOUT.match(text, span.end)
    half = _HALF_DAY_BEFORE.search(text, max(0, span.start - 5), span.start)
    start = half.start() if half and half.start() >= previous_end else span.start
    end = about.end() if about and about.end() <= limit else span.end
    clock = _CLOCK.fullmatch(text, span.start, end)
    if clock:  # 14:10〜50: the end of a range within the hour
        last = _MINUTES_END.match(text, end)
        if last and int(last.group("mm")) > int(clock.group("mm")) and last.end() <= limit:
            end = last.end()
    hour = _MONTH_OR_DAY_OR_HOUR.fullmatch(text, span.start, end)
    if hour and hour.group("unit") == "時":  # 9-17時: the first end of the range
        first = _RANGE_START.search(text, max(previous_end, start - 5), start)
        if first and int(first.group("n")) < int(hour.group("n")):
            start = first.start()
    if text[span.start : end].endswith("時"):
        minutes = _MINUTES_AFTER_HOUR.match(text, end)  # 15時40: the minutes without 分
        if minutes and minutes.end() <= limit:
            end = minutes.end()
    return span._replace(start=start, end=end)


def _joined_clock_times(text: str, spans: list[Candidate]) -> list[Candidate]:
    """A clock time a label's reading cut at its colon into two numbers (06 and 30 of 06:30) is one time again."""
    out: list[Candidate] = []
    for span in spans:
        previous = out[-1] if out else None
        if (
            previous is not None
            and span.category == previous.category == "OTHER_ID"
            and span.start == previous.end + 1
            and text[previous.end] in ":："
            and _CLOCK_PARTS.fullmatch(text, previous.start, span.end)
        ):
            out[-1] = previous._replace(end=span.end, category="TIME")
            continue
        out.append(span)
    return out


# A month and day that opens a span of another kind: a date glued before the name that follows it.
_GLUED_DATE = re.compile(r"(?:[0-9０-９]{1,4}年)?[0-9０-９]{1,2}月[0-9０-９]{1,2}日")
_YEAR_BEFORE = re.compile(
    rf"(?:{'|'.join(ERA_NAMES)}|[MTSHR])?(?:[0-9０-９]{{1,2}}|{FIRST_YEAR})年$|[0-9０-９]{{4}}年$"
)


def _dates_out_of_names(text: str, spans: list[Candidate]) -> list[Candidate]:
    """令和7年8月4日回復期リハ病院: a name found from the month on gives its date back to the year before it.

    A date is never part of a facility's or a person's name; the name's recognizer, reading from the
    first character no other rule took, ate the month and day of a date glued before the name.
    """
    out: list[Candidate] = []
    for span in spans:
        m = _GLUED_DATE.match(text, span.start, span.end) if span.category not in DATE_CATEGORIES else None
        if m is None or m.end() >= span.end or span.category == "TIME":
            out.append(span)
            continue
        previous = out[-1] if out else None
        if previous is not None and previous.category in DATE_CATEGORIES and previous.end == span.start:
            out[-1] = previous._replace(end=m.end())
        else:
            year = _YEAR_BEFORE.search(text, max(0, span.start - 8), span.start)
            start = year.start() if year and (previous is None or year.start() >= previous.end) else span.start
            out.append(Candidate(start, m.end(), "OTHER_DATE", span.rank))
        out.append(span._replace(start=m.end()))
    return out


def extend_dates(text: str, spans: list[Candidate]) -> list[Candidate]:
    out = _joined_clock_times(text, _dates_out_of_names(text, sorted(spans, key=lambda c: c.start)))
    result: list[Candidate] = []
    swallowed: set[Candidate] = set()
    for i, span in enumerate(out):
        if span in swallowed:
            continue
        limit = out[i + 1].start if i + 1 < len(out) else len(text)
        if span.category == "TIME":
            result.append(_extend_time(text, span, result[-1].end if result else 0, limit))
            continue
        if span.category not in DATE_CATEGORIES:
            result.append(span)
            continue
        end = span.end
        after = out[i + 1] if i + 1 < len(out) else None
        if (
            after is not None
            and after.category in DATE_CATEGORIES
            and text[span.start : end].endswith("年")
            and _GAP.fullmatch(text, end, after.start)
            and _MONTH_START.match(text, after.start)
        ):
            # S31年 8月20日: a year and its month and day a blank or three apart, read as two dates, are one.
            end = after.end
            swallowed.add(after)
            limit = out[i + 2].start if i + 2 < len(out) else len(text)
        before = _WEEKDAY_BEFORE.search(text, max(0, span.start - 12), span.start)
        if before and before.start() >= (result[-1].end if result else 0):
            span = span._replace(start=before.start())
        year = _SHORT_YEAR_BEFORE.search(text, max(0, span.start - 4), span.start)
        if (
            year
            and _MONTH_DAY_SLASH.fullmatch(text, span.start, end)
            and year.start() >= (result[-1].end if result else 0)
            and (year.group("marked") or _CLOCK_AFTER.match(text, end))
        ):
            span = span._replace(start=year.start())
        month = _MONTH_BEFORE.search(text, max(0, span.start - 11), span.start)
        if month and text[span.start].isdigit() and month.start() >= (result[-1].end if result else 0):
            span = span._replace(start=month.start())
        previous_end = result[-1].end if result else 0
        if _MONTH_START.match(text, span.start):
            word = _YEAR_WORD_BEFORE.search(text, max(previous_end, span.start - 4), span.start)
            if word:
                span = span._replace(start=word.start())
        unit = _MONTH_OR_DAY.fullmatch(text, span.start, end)
        if unit:
            first = _RANGE_START.search(text, max(previous_end, span.start - 5), span.start)
            if first and 0 < int(first.group("n")) < int(unit.group("n")):
                span = span._replace(start=first.start())
        if _MONTH_START.match(text, span.start):
            year = _SPACED_YEAR_BEFORE.search(text, max(previous_end, span.start - 10), span.start)
            if year:
                span = span._replace(start=year.start())
        if text[span.start : end].endswith("月"):
            day = _SPACED_DAY_AFTER.match(text, end)
            if day and day.end() <= limit:
                end = day.end()
        if text[span.start : end].endswith("年"):
            part = _PART_OF_YEAR.match(text, end)
            if part and part.end() <= limit:
                end = part.end()
        first = _FIRST_DAY.search(text, span.start, end)
        if first:
            last = _DAY_END.match(text, end)
            if last and int(first.group("day")) < int(last.group("day")) <= 31 and last.end() <= limit:
                end = last.end()
        if text[span.start : end].endswith("日"):
            about = _ABOUT.match(text, end)  # 11月14日頃
            if about and about.end() <= limit:
                end = about.end()
        if text[span.start : end].endswith("月"):
            part = _PART_OF_MONTH.match(text, end)
            if part and part.end() <= limit:
                end = part.end()
                other_part = _PART_RANGE_END.match(text, end)  # 12月上旬～中旬
                if other_part and other_part.end() <= limit:
                    end = other_part.end()
        elif _YEAR_MONTH_SLASH.fullmatch(text, span.start, end):
            part = _SLASH_PART_OF_MONTH.match(text, end)  # 2027/1/末, 2026/12/上旬
            if part and part.end() <= limit:
                end = part.end()
        elif _ERA_YEAR_MONTH_DOT.fullmatch(text, span.start, end):
            part = _DOT_PART_OF_MONTH.match(text, end)
            if part and part.end() <= limit:
                end = part.end()
        weekday = _WEEKDAY_RE.match(text, end)
        if weekday is None and text[end - 1 : end] in ("日", *"0123456789０１２３４５６７８９"):
            weekday = _WEEKDAY_WORD.match(text, end) or _WEEKDAY_LATIN_WORD.match(text, end)
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
