"""What stands right after a found value and belongs with it, in any kind of document.

- A postal code and the address after it, across a line break, are one address.
- An address goes on over a building name to its room (京都市…8-3 ホテル桜川 812号室):
  the guidelines put a room inside an address into the address; also when the
  block number and room were scanned with letters for digits (3丁目l2-5 コーポ白樺 2O3).
- A room or bed written right after a ward (6階東 611-2, HCU H-4), or right
  before a person's name at the start of a line or item (・803-1 川原 ヨネさん),
  is that patient's room: an identifier (OTHER_ID).
"""

from __future__ import annotations

import re

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.japanese.chars import KANJI

_BUILDING_ROOM = re.compile(
    r"[ \u3000]?[^\s、。,，（(）)]{1,24}?[ \u3000]?[0-9０-９]{1,5}(?:号室|号|室)(?=[\s、。,，）)]|$)"
)
# A building and its room or floor ending the line (リバーサイド南1条 1102, 森ビル3F): an address line's end.
_BUILDING_AT_LINE_END = re.compile(
    r"[^\s、。,，（(）)：:]{0,16}(?:[ \u3000][^\s、。,，（(）)：:]{1,16})?[ \u3000]?"
    r"(?:[0-9０-９]{3,5}|[0-9０-９]{1,5}(?:号室|号|室)|[0-9０-９]{1,2}(?:F|Ｆ|階))(?=[ \u3000]*$)",
    re.MULTILINE,
)
_ROOM_AFTER_WARD = re.compile(
    r"[ \u3000](?P<room>[0-9０-９]{2,4}(?:[-‐－][0-9０-９A-Za-z]{1,2})?|[A-Z][-‐]?[0-9]{1,2})(?=[\s、。,，]|$)"
)


# A block number and room scanned with letters for digits (3丁目l2-5 コーポ白樺 2O3): the
# rules stop at the first letter; the rest of the line up to a break is still the address.
_DAMAGED = "0-9０-９lIOo"
_DAMAGED_BLOCK = re.compile(
    rf"[{_DAMAGED}]{{1,4}}(?:[-－‐][{_DAMAGED}]{{1,4}}){{0,2}}"
    rf"(?:[ \u3000][^\s、。,，（(）)]{{1,16}}?[ \u3000]?[{_DAMAGED}]{{2,4}}(?:号室|号)?)?(?=[\s、。,，）)]|$)"
)


# An address wrapped onto the next line, indented, that goes on with its block number; or, as a scan
# or a narrow form breaks it, that goes on with the end of its town's name and then the block number
# (大阪市城東区今福⏎東l-4-22 ｺｰﾎﾟ今福 2O3).
_WRAPPED = re.compile(
    r"\n[ \u3000]{2,}(?=[0-9０-９]{1,4}[-－‐][0-9０-９])"
    rf"|\n[{KANJI}]{{1,3}}(?=(?![0０])[{_DAMAGED}]{{1,4}}[-－‐][{_DAMAGED}])"
)  # (not a label then a telephone number: 電話03-…)
_LOT_BRANCH = re.compile(r"の[0-9０-９]{1,4}(?![0-9０-９])")
# A postal code and the address after it on the next line or after a space are one address
# (〒231-0023⏎神奈川県横浜市…): the guidelines mark them as one span.
_POSTAL = re.compile(r"[0-9０-９]{3}[-－‐][0-9０-９]{4}")
_POSTAL_GAP = re.compile(r"[ \u3000]{0,2}\n?[ \u3000]{0,2}")


def _postal_then_address(text: str, spans: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.category in ("ADDRESS", "FACILITY_ADDRESS")
            and span.category in ("ADDRESS", "FACILITY_ADDRESS")
            and _POSTAL.fullmatch(text, prev.start, prev.end)
            and prev.end < span.start
            and _POSTAL_GAP.fullmatch(text, prev.end, span.start)
        ):
            out[-1] = prev._replace(end=span.end, category=span.category)
            continue
        out.append(span)
    return out


def _damaged_tail(text: str, end: int) -> int:
    m = _DAMAGED_BLOCK.match(text, end)
    if m is None or not any(ch.isdigit() for ch in m.group()) or "\n" in m.group():
        return end
    return m.end()


def grow_addresses(text: str, spans: list[Candidate]) -> list[Candidate]:
    out = _postal_then_address(text, sorted(spans, key=lambda c: c.start))
    for span in [s for s in out if s.category in ("ADDRESS", "FACILITY_ADDRESS")]:
        tail = _damaged_tail(text, span.end) if text[span.end - 1 : span.end] in "丁目条線町" else span.end
        if text.endswith(("番地", "番"), span.start, span.end):
            branch = _LOT_BRANCH.match(text, span.end)  # ２１５番地の３: the lot's branch number
            tail = branch.end() if branch else tail
        wrapped = _WRAPPED.match(text, span.end)
        if wrapped and tail == span.end:
            # "新富町2丁目⏎      14-3 コーポ新富 201": the form wrapped the address onto an indented line.
            tail = max(span.end, _damaged_tail(text, wrapped.end()))
        # What the rules read inside the wrapped line (東l-4-22 as an identifier) is part of the address.
        inside = [s for s in out if wrapped and span.end <= s.start and s.end <= tail]
        if tail > span.end and not any(span.end <= s.start < tail for s in out if s not in inside):
            grown = span._replace(end=tail)
            out = sorted([s for s in out if s is not span and s not in inside] + [grown], key=lambda c: c.start)
            continue
        m = _BUILDING_ROOM.match(text, span.end) or _BUILDING_AT_LINE_END.match(text, span.end)
        if not m or "\n" in m.group():
            continue
        inside = [s for s in out if span.end <= s.start and s.end <= m.end()]
        if any(s.start < m.end() < s.end for s in out):
            continue  # a value crosses the room's end: leave both as they are
        grown = span._replace(end=m.end())
        out = sorted([s for s in out if s is not span and s not in inside] + [grown], key=lambda c: c.start)
    return out


_ROOM_BEFORE_NAME = re.compile(
    r"(?:^|(?<=[・■□●○\-\s：:、,，／/]))(?P<room>[0-9０-９]{3,4}(?:[-‐－][0-9０-９]{1,2})?|[A-Z][-‐][0-9]{1,2})[ \u3000]$",
    re.MULTILINE,
)
_NAMES = frozenset({"PATIENT_NAME", "EMERGENCY_CONTACT"})


def rooms_before_names(text: str, spans: list[Candidate]) -> list[Candidate]:
    out = sorted(spans, key=lambda c: c.start)
    added = []
    for i, span in enumerate(out):
        if span.category not in _NAMES:
            continue
        floor = out[i - 1].end if i else 0
        line_start = text.rfind("\n", 0, span.start) + 1
        m = _ROOM_BEFORE_NAME.search(text, max(floor, line_start), span.start)
        if m is None:
            continue
        opening = text[line_start : m.start()].rstrip(" \u3000・■□●○-")
        if m is None or (opening and opening[-1] not in "：:、,，／/"):
            continue  # only an item's opening: "803-1 川原", "申し送り：302 五十嵐さん"; not "2024 山田" mid-sentence
        room = m.group("room")
        if len(room) == 4 and room.isdigit() and room.startswith(("19", "20")):
            continue  # a year
        added.append(Candidate(*m.span("room"), "OTHER_ID", span.rank))
    return sorted(out + added, key=lambda c: c.start) if added else out


_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def rooms_after_wards(text: str, spans: list[Candidate]) -> list[Candidate]:
    out = sorted(spans, key=lambda c: c.start)
    added = []
    for i, span in enumerate(out):
        if span.category != "DEPARTMENT":
            continue
        m = _ROOM_AFTER_WARD.match(text, span.end)
        if not m:
            continue
        start, end = m.span("room")
        if i + 1 < len(out) and out[i + 1].start < end:
            continue  # something was found there already
        added.append(Candidate(start, end, "OTHER_ID", span.rank))
    return sorted(out + added, key=lambda c: c.start) if added else out
