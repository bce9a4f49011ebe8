"""Identifiers in a column of a plain-text table whose header names a person's number.

Ledgers, line lists and visit logs put each person's number in a column under a header such as
``被験者ｺｰﾄﾞ``, ``患者ID``, ``会員番号`` or ``Subject No``, the columns lined up with blanks
(``2026/07/10    302-0121    V2    7,000``). A header word the label rules do not know still says
what the column holds when it joins a person's word to a word for a number. The value under it is
read only when it has the shape of an identifier (digits in groups, letters and digits: never a
plain amount or a word), and the same value met again elsewhere in the document (``監査メモ：
302-0121 の V3``) is the same person's number. A number column of a thing (薬剤コード, Lot No,
検体番号) is no person's: its header has no person's word.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.width import display_width, nfkc

from .sudachi_names import RANK_SUPPLEMENT

# A person's word, then a word for a number; the person decides the category.
_HEADER = re.compile(
    r"^(?P<who>被験者|患者|症例|対象者|登録者|参加者|会員|利用者|職員|選手|受診者|subject|patient|participant|member|case)"
    r"[ _]?(?:コード|番号|ID|No\.?|#|code|number|id)$",
    re.IGNORECASE,
)
_PATIENT_WHO = ("被験者", "患者", "症例", "対象者", "受診者", "subject", "patient", "case")
_FIELD = re.compile(r"[^ \u3000\t]+(?: [^ \u3000\t]+)*")
# Digits in groups or letters with digits: 302-0121, S-0412, AB12345, 0412; not 7,000 nor 12.5.
_ID_SHAPE = re.compile(r"(?=[A-Za-z0-9\-]*[0-9][A-Za-z0-9\-]*[0-9])[A-Za-z]{0,4}-?[0-9][0-9A-Za-z]*(?:-[0-9A-Za-z]+)*")


def _fields(line: str) -> list[tuple[int, int, int]]:
    """(start, end, display column) of each field, fields split by two blanks or more, a tab or a wide blank."""
    out = []
    for m in re.finditer(r"[^\t\u3000]+?(?=[ ]{2,}|[\t\u3000]|$)", line):
        text = m.group().strip(" ")
        if not text:
            continue
        start = m.start() + (len(m.group()) - len(m.group().lstrip(" ")))
        out.append((start, start + len(text), display_width(line[:start])))
    return out


def _column_values(lines: list[tuple[int, str]], index: int, column: int, width: int) -> list[tuple[int, int]]:
    found = []
    for offset, line in lines[index + 1 :]:
        if not line.strip():
            break
        for start, end, col in _fields(line):
            if col < column + width and col + display_width(line[start:end]) > column:
                word = line[start:end].split(" ")[0]
                if _ID_SHAPE.fullmatch(word):
                    found.append((offset + start, offset + start + len(word)))
                break
    return found


@register
class IdColumnRecognizer(Recognizer):
    name: ClassVar[str] = "id-column"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_ID", "OTHER_ID")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if "  " not in text and "\t" not in text and "\u3000" not in text:
            return []
        lines, offset = [], 0
        for line in text.split("\n"):
            lines.append((offset, line))
            offset += len(line) + 1
        found: list[Candidate] = []
        for index, (_, line) in enumerate(lines):
            fields = _fields(line)
            if len(fields) < 3:
                continue
            for start, end, column in fields:
                header = _HEADER.match(nfkc(line[start:end]))
                if not header:
                    continue
                category = "PATIENT_ID" if header.group("who").lower() in _PATIENT_WHO else "OTHER_ID"
                spans = _column_values(lines, index, column, display_width(line[start:end]))
                if len(spans) < 2:
                    continue  # one row under a header is no column
                values = {text[s:e] for s, e in spans}
                for value in values:
                    for m in re.finditer(rf"(?<![0-9A-Za-z\-]){re.escape(value)}(?![0-9A-Za-z\-])", text):
                        found.append(Candidate(m.start(), m.end(), category, RANK_SUPPLEMENT))
        return found
