"""Cross-checks inside one report: the same value means the same thing everywhere.

A date equal to the labelled birth or exam date takes that category wherever
it appears ("本日2024年8月12日", "昭和15年生まれ"), and a name, ID or phone read
under a label is found again in the findings text.
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import RANK_LABEL, RANK_PATTERN, RANK_PROPAGATED, Candidate
from phi_core.extractors.recognition.name_parts import starts_with_surname
from phi_core.japanese.dates import date_key
from phi_core.japanese.width import other_widths

_EXAM_CUES = ("本日", "今朝", "当日", "同日", "本日の", "今回")
_BIRTH_CUES = ("生まれ", "生")
PROPAGATED_CATEGORIES = frozenset(
    {
        "PATIENT_NAME",
        "PHYSICIAN_NAME",
        "EMERGENCY_CONTACT",
        "PATIENT_ID",
        "OTHER_ID",
        "PHONE",
        "FACILITY_PHONE",
        "HOSPITAL_NAME",
        "NAME_READING",
    }
)
_MIN_PROPAGATED = 3
_SPACES = re.compile("[ \u3000]")


def _same_day(key: tuple, ref: tuple) -> bool:
    year, month, day = key
    if month is None or day is None or (month, day) != ref[1:]:
        return False
    return year is None or year == ref[0]


def retype_dates(text: str, candidates: list[Candidate]) -> list[Candidate]:
    birth = [date_key(text[c.start : c.end]) for c in candidates if c.category == "BIRTH_DATE" and c.kind == "date"]
    exam = [date_key(text[c.start : c.end]) for c in candidates if c.category == "EXAM_DATE" and c.kind == "date"]
    out: list[Candidate] = []
    for cand in candidates:
        if cand.kind != "date" or cand.category != "OTHER_DATE":
            out.append(cand)
            continue
        # Reading the date costs more than everything else here; it is needed only to compare with a labelled one.
        key = date_key(text[cand.start : cand.end]) if birth or exam else None
        before = text[max(0, cand.start - 3) : cand.start]
        if text.startswith(_BIRTH_CUES, cand.end) or any(_same_day(key, ref) for ref in birth if ref[0] == key[0]):
            out.append(cand.retyped("BIRTH_DATE"))
        elif any(before.endswith(cue) for cue in _EXAM_CUES) or any(_same_day(key, ref) for ref in exam):
            out.append(cand.retyped("EXAM_DATE"))
        else:
            out.append(cand)
    return out


def propagate(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Other occurrences of values that were read under a label, in either width."""
    values: dict[str, str] = {}
    for cand in candidates:
        # A room number is a room's, not a person's: the same digits elsewhere are a count or a dose.
        if cand.rank == RANK_LABEL and cand.category in PROPAGATED_CATEGORIES and cand.kind != "room":
            value = text[cand.start : cand.end]
            if not any(ch.isalnum() for ch in value):
                continue  # a blank cell's dashes (紹介元 --): every rule line of the table holds them too
            values.setdefault(value, cand.category)
            squeezed = _SPACES.sub("", value)
            if squeezed != value:
                values.setdefault(squeezed, cand.category)
    for value, category in list(values.items()):
        for variant in other_widths(value):
            values.setdefault(variant, category)
    found: list[Candidate] = []
    for value, category in values.items():
        if len(value) < _MIN_PROPAGATED and not (category.endswith("NAME") and len(value) >= 2):
            continue
        found.extend(_occurrences(text, value, category, RANK_PROPAGATED))
    found.extend(_family_names(text, candidates))
    return found


def _occurrences(text: str, value: str, category: str, rank: int) -> list[Candidate]:
    found = []
    start = text.find(value)
    while start >= 0:
        end = start + len(value)
        # Latin and digit values only count as whole words ("Ito" is not in "Itoh").
        if not (_continues(text, start - 1, value[0]) or _continues(text, end, value[-1])):
            found.append(Candidate(start, end, category, rank))
        start = text.find(value, end)
    return found


def _continues(text: str, index: int, edge: str) -> bool:
    if index < 0 or index >= len(text) or not edge.isascii() or not edge.isalnum():
        return False
    ch = text[index]
    return ch.isascii() and ch.isalnum()


_NAME_PARTS = re.compile("[ \u3000,^]+")
_FAMILY_CATEGORIES = frozenset({"PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT"})


def _family_names(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A family name written alone later ("山田様", "Yamada-san", "YAMADA") after the full name.

    Only names read under a label or from a structured field are split, and
    the parts are weak candidates (pattern rank): an address or a facility
    that merely contains the same characters keeps its longer span.
    """

    families: dict[str, str] = {}
    for cand in candidates:
        if cand.category not in _FAMILY_CATEGORIES or cand.rank < RANK_PATTERN:
            continue
        value = text[cand.start : cand.end]
        # Kanji names found by a cue in prose may be mis-split; romaji full names are not.
        if cand.rank != RANK_LABEL and not (value.isascii() and " " in value.strip()):
            continue
        parts = [p for p in _NAME_PARTS.split(value) if p]
        family = ""
        if len(parts) >= 2:
            # Romaji is written either way round; the upper-case part is the family name.
            upper = [p for p in parts if p.isascii() and p.isupper() and len(p) > 1]
            family = upper[0] if upper and len(upper) < len(parts) else parts[0]
            if value.isascii() and value[0].isupper() and "," not in value and "^" not in value and not upper:
                family = parts[-1]  # "Taro Yamada"
        elif value and not value.isascii():
            size = starts_with_surname(value)
            family = value[:size] if 2 <= size < len(value) else ""
        if len(family) >= 2 and not (family.isascii() and len(family) < 3):
            families.setdefault(family, cand.category)
            if family.isascii():
                families.setdefault(family.capitalize(), cand.category)
                families.setdefault(family.upper(), cand.category)
    found: list[Candidate] = []
    for family, category in families.items():
        found.extend(_occurrences(text, family, category, RANK_PATTERN))
    return found
