"""Cross-checks inside one report: the same value means the same thing everywhere.

A date equal to the labelled birth or exam date takes that category wherever
it appears ("本日2024年8月12日", "昭和15年生まれ"), and a name, ID or phone read
under a label is found again in the findings text.
"""

from __future__ import annotations

import re

from .candidates import RANK_LABEL, RANK_PROPAGATED, Candidate
from .patterns import date_key

_EXAM_CUES = ("本日", "今朝", "当日", "同日", "本日の", "今回")
_BIRTH_CUES = ("生まれ", "生")
PROPAGATED_CATEGORIES = frozenset(
    {"PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT", "PATIENT_ID", "OTHER_ID", "PHONE", "FACILITY_PHONE", "HOSPITAL_NAME"}
)
_MIN_PROPAGATED = 3
_SPACES = re.compile("[ \u3000]")


def _same_day(key: tuple, ref: tuple) -> bool:
    year, month, day = key
    if month is None or day is None or (month, day) != ref[1:]:
        return False
    return year is None or year == ref[0]


def retype_dates(text: str, candidates: list[Candidate]) -> list[Candidate]:
    birth = [date_key(text[c.start:c.end]) for c in candidates if c.category == "BIRTH_DATE" and c.kind == "date"]
    exam = [date_key(text[c.start:c.end]) for c in candidates if c.category == "EXAM_DATE" and c.kind == "date"]
    out: list[Candidate] = []
    for cand in candidates:
        if cand.kind != "date" or cand.category != "OTHER_DATE":
            out.append(cand)
            continue
        value = text[cand.start:cand.end]
        key = date_key(value)
        before = text[max(0, cand.start - 3):cand.start]
        if text.startswith(_BIRTH_CUES, cand.end) or any(_same_day(key, ref) for ref in birth if ref[0] == key[0]):
            out.append(cand.retyped("BIRTH_DATE"))
        elif any(before.endswith(cue) for cue in _EXAM_CUES) or any(_same_day(key, ref) for ref in exam):
            out.append(cand.retyped("EXAM_DATE"))
        else:
            out.append(cand)
    return out


def propagate(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Other occurrences of values that were read under a label."""
    values: dict[str, str] = {}
    for cand in candidates:
        if cand.rank == RANK_LABEL and cand.category in PROPAGATED_CATEGORIES:
            value = text[cand.start:cand.end]
            values.setdefault(value, cand.category)
            squeezed = _SPACES.sub("", value)
            if squeezed != value:
                values.setdefault(squeezed, cand.category)
    found: list[Candidate] = []
    for value, category in values.items():
        if len(value) < _MIN_PROPAGATED and not (category.endswith("NAME") and len(value) >= 2):
            continue
        start = text.find(value)
        while start >= 0:
            found.append(Candidate(start, start + len(value), category, RANK_PROPAGATED))
            start = text.find(value, start + len(value))
    return found
