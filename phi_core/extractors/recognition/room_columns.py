"""Rooms and beds read down a column of a plain-text table whose header names them.

Bed boards, dialysis and device logs, line lists and audit sheets line their
columns up with spaces under a header row (``病室-床``, ``使用ベッド``, ``Room``,
``Bed No.``). Each row's word that stands under such a header, on screen (a kanji
takes two columns), is a room or a bed when it is shaped like one (``801-1``,
``3``, ``H3``, ``701``); a room-bed pair is two values, the room and the bed. The
table ends at a blank line or at a line that is not a row (no wide gap).

A board photographed and read by OCR keeps one blank between its cells, so its
columns cannot be lined up; there the first column still can be read: a header
that opens with the word for a bed, a booth or a room (``床 氏名 DW …``, ``ブース 氏名
年齢 …``) makes the number opening each row under it that row's bed, booth or room
(``1 原 一夫 62.5kg``, ``6 空``), down to the first line that does not open with one.
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.japanese.width import display_width

_GAP = re.compile(r" {2,}|\u3000|\t")
_WORD = re.compile(r"[^ \u3000\t]+")
# A column named for where the patient lies (a newborn's cot too: コット, クベース): 病室, 室-床, 病室-床, 使用ベッド, ベッド番号, 床, Room, Bed No.
_HEADER = re.compile(
    r"(?:病室|号室|室)(?:[-‐－/／・](?:床|ベッド|Bed))?"
    r"|[^ -~]{0,4}(?:ベッド|ﾍﾞｯﾄﾞ|コット|ｺｯﾄ|クベース)(?:番号|No\.?)?|床(?:番号)?"
    r"|(?:Room|ROOM|Rm|RM|Bed|BED)(?:[ /-]?(?:No\.?|#|Bed|BED))?"
)
_CELL = re.compile(r"(?P<room>(?:[A-Z]{1,2}[-‐－]?)?[0-9]{1,4})(?:[-‐－](?P<bed>[0-9]{1,2}|[A-H]))?")
# A column of rooms alone may be a theatre's or a meeting room's (Room 5): a ward's room has three digits or more.
_BED_HEADER = re.compile(r"床|ベッド|ﾍﾞｯﾄﾞ|コット|ｺｯﾄ|クベース|Bed|BED|Cot|COT")
_WARD_ROOM = re.compile(r"[1-9][0-9]{2,3}")
_MIN_HEADER_WORDS = 3
_MAX_ROWS = 80


# The header's first word names where the patient lies or waits; two more words follow it.
_FIRST_HEADER = re.compile(
    r"^[ \u3000]*(?:(?P<bed>床|ベッド|ﾍﾞｯﾄﾞ|ブース|ﾌﾞｰｽ|コット|ｺｯﾄ|クベース|(?:Bed|BED|Booth|BOOTH|Cot|COT)(?:[ ]?(?:No\.?|#))?)|(?P<room>病室|部屋|Room|ROOM))"
    r"(?:番号|No\.?|#)?[ \u3000\t]+[^ \u3000\t\n]+[ \u3000\t]+[^ \u3000\t\n]+",
    re.MULTILINE,
)
_ROW_NUMBER = re.compile(
    r"[ \u3000]*(?P<n>[0-9]{1,4})(?:[-‐－](?P<bed>[0-9]{1,2}|[A-H]))?[ \u3000\t]+(?=[^ \u3000\t\n0-9:.])"
)


def first_columns(text: str) -> list[Candidate]:
    """The numbers opening the rows under a header whose first word is a bed, a booth or a room."""
    found: list[Candidate] = []
    for header in _FIRST_HEADER.finditer(text):
        beds = header.group("bed") is not None
        at = text.find("\n", header.end())
        while at >= 0:
            row = _ROW_NUMBER.match(text, at + 1)
            if row is None:
                break
            number = row.group("n")
            # A bed or a booth has one or two digits; a room three or four.
            if (len(number) <= 2) != beds or number.startswith("0"):
                break
            found.append(Candidate(*row.span("n"), "OTHER_ID", 0))
            if row.group("bed"):
                found.append(Candidate(*row.span("bed"), "OTHER_ID", 0))
            at = text.find("\n", row.end())
    return found


def _columns(text: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """(display start, display end, text start, text end) of each word of a line."""
    out, left, last = [], 0, start
    for m in _WORD.finditer(text, start, end):
        left += display_width(text[last : m.start()])
        right = left + display_width(m.group())
        out.append((left, right, m.start(), m.end()))
        left, last = right, m.end()
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def room_columns(text: str) -> list[Candidate]:
    if "  " not in text and "\u3000" not in text and "\t" not in text:
        return []
    lines = _lines(text)
    found: list[Candidate] = []
    for index, (start, end) in enumerate(lines):
        if not _HEADER.search(text, start, end) or not _GAP.search(text, start, end):
            continue
        words = _columns(text, start, end)
        if len(words) < _MIN_HEADER_WORDS:
            continue
        for left, right, head_start, head_end in words:
            if _HEADER.fullmatch(text, head_start, head_end):
                beds = _BED_HEADER.search(text, head_start, head_end) is not None
                found += _read_down(text, lines[index + 1 : index + 1 + _MAX_ROWS], left, right, beds)
    return found


def _read_down(text: str, rows: list[tuple[int, int]], left: int, right: int, beds: bool) -> list[Candidate]:
    found = []
    for start, end in rows:
        if start == end or not _GAP.search(text, start, end):
            break
        under = [w for w in _columns(text, start, end) if w[0] < right and left < w[1]]
        if len(under) != 1:
            continue
        cell = _CELL.fullmatch(text, under[0][2], under[0][3])
        if cell is None or not (beds or cell.group("bed") or _WARD_ROOM.fullmatch(cell.group("room"))):
            continue
        found.append(Candidate(*cell.span("room"), "OTHER_ID", 0))
        if cell.group("bed"):
            found.append(Candidate(*cell.span("bed"), "OTHER_ID", 0))
    return found
