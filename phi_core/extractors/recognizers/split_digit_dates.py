"""A month and day, or an hour and minute, whose digits a scan or a form's boxes split with blanks (recall-first).

- ``l1月 2 8 日``, ``6 月 l3 日``, ``1 0 月 2 日``: a month and a day with their units;
- ``3時 4 2分``, ``午前 6時 30分``, ``1l時 O5分``: an hour and its minutes; ``14 : 00``, ``l4 : 30``, ``1 4 : 0 0``:
  a clock time with blanks about its colon, from two o'clock (``1 : 40`` is a titre, ``2 : 1`` a ratio);
- ``7 / 2 2``, ``5/2 8``, ``l2 / 2 0``: a month and a day of two digits split, before a blank, a bracket, a
  range mark or the line's end (``1/2 3錠`` is a half and a count; ``Se 3 / 2 5`` a series and an image).

The date and time rules read such values only when their digits are tight. A scan reads O for zero and l or I
for one; the value must still hold a real digit and be a real month and day, or hour and minute. A value
whose digits are all tight and plain is left to those rules.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_D = "[0-9OlI]"
_TWO = rf"{_D}(?: ?{_D})?"
_MONTH_DAY = re.compile(rf"(?<![0-9OlI年])(?P<a>{_TWO}) ?月 ?(?P<b>{_TWO}) ?日")
_CLOCK = re.compile(rf"(?<![0-9OlI])(?P<a>{_TWO}) ?時 ?(?P<b>{_TWO}) ?分")
_SLASHED = re.compile(
    rf"(?<![0-9OlI/.])(?<![A-Za-z0-9] )(?P<a>{_D}{{1,2}}) ?/ ?(?P<b>{_D} {_D}|{_D}{{1,2}})"
    r"(?=[ \u3000](?![0-9])|[〜~～)）】]|$)",
    re.MULTILINE,
)
# 14 : 00, l4 : 30, 1 4 : 0 0: a clock time with blanks about its colon; not a titre or a ratio (1 : 40, 2 : 1).
_SPACED_CLOCK = re.compile(rf"(?<![0-9A-Za-z:：/.\-])(?P<a>{_TWO}) ?[:：] ?(?P<b>{_D} ?{_D})(?![0-9A-Za-z:：.]| [0-9])")
_AS_DIGITS = str.maketrans({"O": "0", "l": "1", "I": "1", " ": ""})


def _number(part: str) -> int:
    return int(part.translate(_AS_DIGITS))


def _damaged(m: re.Match[str]) -> bool:
    """Split or misread somewhere, and a real digit in it."""
    value = m.group("a") + m.group("b")
    return any(ch.isdigit() for ch in value) and any(ch in " OlI" for ch in m.group())


def _slash_damaged(m: re.Match[str]) -> bool:
    """Blanks around a slash alone are a page's or a score's (1 / 2, 9 / 10): the day itself split or misread."""
    return _damaged(m) and (" " in m.group("b") or any(ch in "OlI" for ch in m.group("a") + m.group("b")))


def _spans(regex: re.Pattern[str], text: str, first_most: int, second_most: int) -> list[tuple[int, int]]:
    damaged = _slash_damaged if regex is _SLASHED else _damaged
    spans = []
    for m in regex.finditer(text):
        if damaged(m) and 0 <= _number(m.group("a")) <= first_most and 0 <= _number(m.group("b")) <= second_most:
            spans.append(m.span())
    return spans


@register
class SplitDigitDateRecognizer(Recognizer):
    name: ClassVar[str] = "split-digit-date"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_DATE", "TIME")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        if "月" in text:
            found += [
                Candidate(s, e, "OTHER_DATE", RANK_SUPPLEMENT)
                for s, e in _spans(_MONTH_DAY, text, 12, 31)
                if _number(text[s:e].split("月")[0]) >= 1
            ]
        if "時" in text:
            found += [Candidate(s, e, "TIME", RANK_SUPPLEMENT) for s, e in _spans(_CLOCK, text, 24, 59)]
        if ":" in text or "：" in text:
            found += [
                Candidate(s, e, "TIME", RANK_SUPPLEMENT)
                for s, e in _spans(_SPACED_CLOCK, text, 24, 59)
                if " " in text[s:e] and _number(re.split("[:：]", text[s:e])[0]) >= 2
            ]
        if "/" in text:
            found += [
                Candidate(s, e, "OTHER_DATE", RANK_SUPPLEMENT)
                for s, e in _spans(_SLASHED, text, 12, 31)
                if _number(text[s:e].split("/")[0]) >= 1 and _number(text[s:e].split("/")[1]) >= 1
            ]
        return found
