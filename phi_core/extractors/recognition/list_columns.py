"""The first column of a bulleted roster: when most of its items are names, the rest are names too.

Rosters and health-check logs list people one to a line, each after a bullet
and before a wide gap and a value (・坂口　36.6℃ 症状なし / ・梅田　出勤停止中 /
・ブイ ヴァン タン　36.8℃). The recognizers find the names they know; a name
no dictionary lists, in the same column of the same list, is a name all the
same. A column counts as one of names when at least two of its items, and at
least half of them, were found as names; its other items are taken when they
are made of letters only (no digits, no units), short enough for a name and
not already inside another span.
"""

from __future__ import annotations

from collections import Counter

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.japanese.chars import JAPANESE_LETTERS

NAME_CATEGORIES = frozenset({"PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT"})
_ITEM_LINE = re.compile(
    r"^[ \t\u3000]*(?P<bullet>[・\-*•●○◦‐])[ \t\u3000]*"
    r"(?P<item>[^\s\u3000]{1,12}(?: [^\s\u3000]{1,8}){0,2})(?=\u3000|\t|  |$)",
    re.MULTILINE,
)
_NAME_SHAPED = re.compile(rf"^[{JAPANESE_LETTERS}々A-Za-z]+(?: [{JAPANESE_LETTERS}々A-Za-z]+){{0,2}}$")


def _blocks(text: str) -> list[list[re.Match[str]]]:
    """Runs of item lines one after another with the same bullet."""
    blocks: list[list[re.Match[str]]] = []
    for m in _ITEM_LINE.finditer(text):
        previous = blocks[-1][-1] if blocks else None
        adjacent = previous is not None and text.count("\n", previous.end(), m.start()) == 1
        if adjacent and previous.group("bullet") == m.group("bullet"):
            blocks[-1].append(m)
        else:
            blocks.append([m])
    return [b for b in blocks if len(b) >= 3]


def column_of_names(found: list[Candidate], size: int) -> str | None:
    """The category of a column's names when at least two of its ``size`` items, and at least half, were found
    as names (``found``); None when the column is not one of names."""
    if len(found) < 2 or 2 * len(found) < size:
        return None
    return Counter(s.category for s in found).most_common(1)[0][0]


def names_in_item_lists(text: str, spans: list[Candidate]) -> list[Candidate]:
    if "\n" not in text:
        return spans
    names = [s for s in spans if s.category in NAME_CATEGORIES]
    added: list[Candidate] = []
    for block in _blocks(text):
        found: list[Candidate] = []
        for m in block:
            start, end = m.span("item")
            covering = next((s for s in names if s.start <= start and end <= s.end + 1), None)
            if covering is not None:
                found.append(covering)
        category = column_of_names(found, len(block))
        if category is None:
            continue
        for m in block:
            start, end = m.span("item")
            if not _NAME_SHAPED.match(m.group("item")):
                continue
            if any(s.start < end and start < s.end for s in spans + added):
                continue
            added.append(Candidate(start, end, category, found[0].rank))
    return sorted(spans + added, key=lambda c: c.start) if added else spans
