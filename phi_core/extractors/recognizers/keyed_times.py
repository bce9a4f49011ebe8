"""Clock times the value patterns refuse by their neighbours: after a key and ``=``, and four digits after at or ~.

- ``t_call=14:47 t_takeoff=14:51``, ``start=09:05``: machine key=value text writes a time right
  after ``=``, where the time pattern stays silent because ratios take that place too
  (``I:E=1:2``). A ratio's second number is short (1:2, 2:1) or its first is one
  (titers, dilutions: 1:40, 1:160); a clock time has two-digit minutes and an hour of two
  digits (or of one, 2 to 9). A key that names a length of time (``elapsed=00:41:12``) holds
  a duration, not a time of day.
- ``2 pm``, ``9am``, ``10:30 a.m.``: an hour of a 12-hour clock;
- ``ｺﾞｾﾞﾝ 9ｼﾞ``, ``ゴゴ 2ジ30プン``, ``9ｼﾞ15ﾌﾝ``: a time written in katakana, as systems that print kana only write
  午前9時: the hour after the kana of 午前 or 午後, or an hour with its minutes; not ``3ｼﾞｶﾝ`` (3 hours);
- ``TIME=1042``, ``START=1403  END=1441``, ``"time":"1342"``: four digits after a time key, or after the key of a start or an
  end and ``=`` (a machine's log; ``start: 2025`` with a colon may be a year); ``09:41:12``: a clock time with seconds, unless a word
  before it on its line names a length of time (``所要 00:45:12``).
- ``at 0300``, ``@ 1400``, ``Dec 1, 2026 ~2300``, ``0910 hrs``: a time written as four digits the way
  English notes do (a 24-hour clock without a colon), after at or @, after an approximate mark glued
  to it right after a date (``WBC ~1200`` is a count), or before hrs; not the end of a range
  (``1000〜1200``, ``3000 ~ 1200``), a year (``~2025年``) or an amount (``at 1200 mL``).
- ``巡視 1:00/3:00/5:00``: clock times listed with slashes after a first one (the time pattern leaves a number
  after a slash alone, as a date's or a ratio's);
- ``1/299:00``: a month and a day of two digits with a clock time glued on, the blank between them lost
  (a log typed fast): the date and the time, each read as itself.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import JAPANESE_LETTERS

from .sudachi_names import RANK_SUPPLEMENT

_KEY_CHARS = f"A-Za-z_{JAPANESE_LETTERS}"
_KEYED = re.compile(
    rf"(?P<key>[{_KEY_CHARS}][0-9{_KEY_CHARS}]*)[ \t]?[=＝][ \t]?"
    r"(?P<time>(?:[01][0-9]|2[0-4]|[2-9])[:：][0-5][0-9](?:[:：][0-5][0-9])?)(?![0-9]|[:：][0-9])"
)
# Keys that hold a length of time, not a time of day.
_DURATION_KEY = re.compile(r"(?i:elapsed|duration|dur|length|len|total|spent|took|uptime|runtime)$|所要|経過")
_HHMM = r"(?:[01][0-9]|2[0-3])[0-5][0-9]"
_FOUR_DIGIT_TIME = re.compile(
    rf"(?:(?<![A-Za-z])(?:at|At|AT)[ \t]|@[ \t]?|(?:(?<=[0-9]{{4}} )|(?<=[0-9]{{4}}, )|(?<=日 ))[~〜～])(?P<t>{_HHMM})"
    r"(?![0-9A-Za-z/.\-]|年|[ \t]?(?:mg|mL|ml|g|kg|L|rpm|円|cm|mm|m|例|名|人|件|回|個|本|倍|%|％))"
    rf"|(?<![0-9A-Za-z.:])(?P<h>{_HHMM})(?:[ \t]?(?:hrs|hours(?= on| of| at)|JST)(?![A-Za-z])"
    # before 頃 too (発症 2120 頃), but not a year (2025 頃から)
    rf"|(?<!19..)(?<!20..)[ \u3000]?(?=頃|ごろ|過ぎ))"
)


# A time key and four digits (TIME=1042, tm: 0915): a machine export's clock time without a colon.
_KEYED_FOUR_DIGITS = re.compile(
    rf"(?<![A-Za-z])(?:(?i:time|tm|hhmm)[ \t]?[=:：]|(?i:start|end|begin|stop)(?:_?(?i:time|at))?[ \t]?[=＝]"
    # a JSON export quotes the key and the value ("time":"1342")
    r'|(?i:time|tm|hhmm)"[ \t]?:[ \t]?")[ \t]?'
    rf"(?P<t>{_HHMM})(?![0-9.:/\-])"
)
# A clock time with seconds (Date: Tue, 17 Feb 2026 09:41:12 +0900, log 09:41:12 INFO), which the time
# pattern leaves to ratios; unless a word before it says it is a length of time (所要 00:45:12, 透視時間).
_WITH_SECONDS = re.compile(r"(?<![0-9:：.])(?:[01][0-9]|2[0-3])[:：][0-5][0-9][:：][0-5][0-9](?![0-9:：])")
_DURATION_BEFORE = re.compile(r"(?i:elapsed|duration|total|length)|所要|経過|時間|合計|計")


# An hour of a 12-hour clock with am or pm (Nov 5 2 pm, next review 02-10 9am, 10:30 a.m.).
_AM_PM = re.compile(
    r"(?<![0-9A-Za-z:.])(?:1[0-2]|0?[1-9])(?:[:.][0-5][0-9](?::[0-5][0-9])?)?[ ]?(?:[AaPp]\.[Mm]\.|[AaPp][Mm])(?![A-Za-z])"
)

# A time in katakana, half-width or full-width: 午前/午後 read ｺﾞｾﾞﾝ/ｺﾞｺﾞ, 時 read ｼﾞ, 分 read ﾌﾝ or ﾌﾟﾝ.
_HOUR_KANA = "(?:ｼﾞ|ジ)(?!ｶﾝ|カン)"
_MINUTE_KANA = "(?:ﾌﾝ|ﾌﾟﾝ|フン|プン)"
_KANA_TIME = re.compile(
    rf"(?:ｺﾞｾﾞﾝ|ｺﾞｺﾞ|ゴゼン|ゴゴ)[ \u3000]?(?:1[0-2]|0?[0-9]){_HOUR_KANA}(?:[ ]?[0-5]?[0-9]{_MINUTE_KANA}|ﾊﾝ|ハン)?"
    rf"|(?<![0-9])(?:[01]?[0-9]|2[0-3]){_HOUR_KANA}[ ]?[0-5]?[0-9]{_MINUTE_KANA}"
    # an hour alone, where a particle after it makes it a time of day (8/13 15ｼﾞ ﾆ, 9ｼﾞﾊﾝ ｶﾗ), or in hiragana as a
    # text in easy Japanese writes it, one of a list too (6じ、9じ); not 3ｼﾞｶﾝ, 3じかん (hours)
    rf"|(?<![0-9])(?:[01]?[0-9]|2[0-3])(?:{_HOUR_KANA}|じ(?!かん))(?:ﾊﾝ|ハン|はん)?"
    r"(?=[ ]?(?:ﾆ|ｶﾗ|ﾏﾃﾞ|ｺﾞﾛ|ｽｷﾞ|ニ|カラ|マデ|ゴロ|スギ|に|から|まで|ごろ|すぎ)(?:[ .,、。)]|$)|(?<=じ)[、,。)）\s]|(?<=じ)$)"
)

_GLUED_DATE_TIME = re.compile(
    r"(?<![0-9/.:])(?P<d>(?:1[0-2]|0?[1-9])/(?:0[1-9]|[12][0-9]|3[01]))(?P<t>(?:[01]?[0-9]|2[0-3]):[0-5][0-9])(?![0-9:])"
)

_LISTED_AFTER_TIME = re.compile(r"(?<=[0-9]:[0-5][0-9]/)(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?![0-9:])")


@register
class KeyedTimeRecognizer(Recognizer):
    name: ClassVar[str] = "keyed-time"
    categories: ClassVar[tuple[str, ...]] = ("TIME", "OTHER_DATE")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        if "=" in text or "＝" in text:
            for m in _KEYED.finditer(text):
                if not _DURATION_KEY.search(m.group("key")):
                    found.append(Candidate(*m.span("time"), "TIME", RANK_SUPPLEMENT))
        for m in _FOUR_DIGIT_TIME.finditer(text):
            found.append(Candidate(*m.span("t" if m.group("t") else "h"), "TIME", RANK_SUPPLEMENT))
        for m in _KEYED_FOUR_DIGITS.finditer(text):
            found.append(Candidate(*m.span("t"), "TIME", RANK_SUPPLEMENT))
        if "m" in text or "M" in text:
            found += [Candidate(*m.span(), "TIME", RANK_SUPPLEMENT) for m in _AM_PM.finditer(text)]
        if "ｼﾞ" in text or "ジ" in text or "じ" in text:
            found += [Candidate(*m.span(), "TIME", RANK_SUPPLEMENT) for m in _KANA_TIME.finditer(text)]
        if "/" in text:
            found += [Candidate(*m.span(), "TIME", RANK_SUPPLEMENT) for m in _LISTED_AFTER_TIME.finditer(text)]
            for m in _GLUED_DATE_TIME.finditer(text):
                found += [
                    Candidate(*m.span("d"), "OTHER_DATE", RANK_SUPPLEMENT),
                    Candidate(*m.span("t"), "TIME", RANK_SUPPLEMENT),
                ]
        taken = {(c.start, c.end) for c in found}
        for m in _WITH_SECONDS.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            before = _DURATION_BEFORE.search(text, max(line_start, m.start() - 12), m.start())
            if not before and m.span() not in taken:
                found.append(Candidate(*m.span(), "TIME", RANK_SUPPLEMENT))
        return found
