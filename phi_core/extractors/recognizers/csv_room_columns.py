"""Rooms and beds read down a column of comma- or tab-separated rows whose header names them.

Exports of devices, tills and alarm systems write one event per line, fields between commas, under a header
line of field names (``ts,room,bed,tag_id``, ``seq,ts,ward,room,pt_id``). A cell under a field named for a room
or a bed is the patient's place when it is shaped like one (``503``, ``712``, ``4N-17``, a bed letter ``A``);
the table is the header and the lines after it with as many commas, up to the first line that has not. A sheet
copied out of a spreadsheet is read the same way between tabs (``病棟\t病室\t床\t状態``), and a system's list
printed with its cells padded between bars (``病棟 |室  |床|患者ID``).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import HALF_WIDTH_KATAKANA, JAPANESE_LETTERS

from .sudachi_names import RANK_SUPPLEMENT

# Field names of where a patient lies: room, rm, room_no, bed, bed_no, 病室, 居室, 部屋, ベッド, 床.
_PLACE_FIELD = re.compile(
    r"(?i:room|rm|bed|room_?no|bed_?no|room_?number|bed_?number)|病室|居室|部屋(?:番号)?|号室|室|ベッド|ﾍﾞｯﾄﾞ|床"
)
_BED_FIELD = re.compile(r"(?i:bed|bed_?no|bed_?number)|ベッド|ﾍﾞｯﾄﾞ|床")
_PLACE_CELL = re.compile(r"(?:[A-Z]{1,2}-?)?[0-9]{1,4}(?:-(?:[0-9]{1,2}|[A-H]))?|[A-H]")
_HEADER_CELL = re.compile(f"[A-Za-z_ ()（）/・{JAPANESE_LETTERS}{HALF_WIDTH_KATAKANA}]{{1,20}}")
_MIN_FIELDS = 3


def _cells(line: str, start: int, separator: str) -> list[tuple[str, int]]:
    """The cells of one line with the offset each starts at."""
    out, at = [], start
    for cell in line.split(separator):
        out.append((cell, at))
        at += len(cell) + 1
    return out


@register
class CsvRoomColumnRecognizer(Recognizer):
    name: ClassVar[str] = "csv-room-column"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_ID",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if all(text.count(separator) < 2 * _MIN_FIELDS for separator in ",\t|"):
            return []
        lines, at = [], 0
        for line in text.split("\n"):
            lines.append((line, at))
            at += len(line) + 1
        found = []
        for i, (line, _start) in enumerate(lines):
            separator = "\t" if "\t" in line else "|" if line.count("|") >= _MIN_FIELDS - 1 else ","
            header = line.split(separator)
            if len(header) < _MIN_FIELDS or not all(_HEADER_CELL.fullmatch(c.strip()) for c in header):
                continue
            columns = [k for k, c in enumerate(header) if _PLACE_FIELD.fullmatch(c.strip())]
            if not any(_BED_FIELD.fullmatch(header[k].strip()) for k in columns):
                # 室 alone heads a theatre's list (手術室 1, 3, 7); beside a bed column it is the patient's room.
                columns = [k for k in columns if header[k].strip() != "室"]
            if not columns:
                continue
            for row, row_start in lines[i + 1 :]:
                if row.count(separator) != line.count(separator):
                    break
                cells = _cells(row, row_start, separator)
                for k in columns:
                    cell, offset = cells[k]
                    offset += len(cell) - len(cell.lstrip(" "))
                    cell = cell.strip(" ")
                    if _PLACE_CELL.fullmatch(cell):
                        found.append(Candidate(offset, offset + len(cell), "OTHER_ID", RANK_SUPPLEMENT))
        return found
