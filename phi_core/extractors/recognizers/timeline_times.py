"""Clock times of four digits that open the lines of a timeline (``1402  Hotline``, ``1405  Trauma call``).

A record kept as events happen (a resuscitation, an operation, a transfer) writes each event's time
without a colon at the head of its line. One such number alone may be anything; three or more, on
lines close together, each a valid time of day and in the order of a clock, are a timeline. What
else a column of four digits at the head of lines can be is ruled out by its steps and its range:
- numbers counting up one by one (``0131``, ``0132``, ``0133``: a ledger's own serials), or all under 0100
  (``0012``, ``0027``, ``0031``: a staff list's numbers, in order);
- years (``1998 入職``, ``2014 専門医``), which the range 1950 to 2035 holds; a timeline wholly inside
  19:50 to 20:35 is given up for them.
A timeline may pass midnight once (``2350``, ``0010``); a number that goes back otherwise ends it.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

# (the event may open with a number of its own: 1145  3.5 TBV processed, 1045 1,800 mL processed; the order and
# the count of the lines decide, below)
_LINE_TIME = re.compile(r"(?m)^[ \u3000]*(?P<t>(?:[01][0-9]|2[0-3])[0-5][0-9])(?=[ \u3000\t]+[^\s])")
_MIN_EVENTS = 3
# How many other lines may stand between two events of one timeline (a wrapped note, a blank line).
_MAX_GAP_LINES = 3


def _minutes(value: str) -> int:
    return int(value[:2]) * 60 + int(value[2:])


def _is_timeline(values: list[str]) -> bool:
    if len(values) < _MIN_EVENTS:
        return False
    numbers = [int(v) for v in values]
    if all(b - a == 1 for a, b in zip(numbers, numbers[1:], strict=False)):
        return False
    if all(1950 <= n <= 2035 for n in numbers) or all(n < 100 for n in numbers):
        return False
    passed_midnight = False
    for a, b in zip(values, values[1:], strict=False):
        if _minutes(b) >= _minutes(a):
            continue
        if passed_midnight or _minutes(a) < 20 * 60 or _minutes(b) > 4 * 60:
            return False
        passed_midnight = True
    return True


def _runs(text: str) -> list[list[re.Match[str]]]:
    """The head-of-line times, grouped where few other lines part them."""
    runs: list[list[re.Match[str]]] = []
    last_line = -10
    for m in _LINE_TIME.finditer(text):
        line = text.count("\n", 0, m.start())
        if runs and line - last_line - 1 <= _MAX_GAP_LINES:
            runs[-1].append(m)
        else:
            runs.append([m])
        last_line = line
    return runs


@register
class TimelineTimeRecognizer(Recognizer):
    name: ClassVar[str] = "timeline-time"
    categories: ClassVar[tuple[str, ...]] = ("TIME",)

    def find(self, doc: Document) -> list[Candidate]:
        found = []
        for run in _runs(doc.text):
            if _is_timeline([m.group("t") for m in run]):
                found.extend(Candidate(*m.span("t"), "TIME", RANK_SUPPLEMENT) for m in run)
        return found
