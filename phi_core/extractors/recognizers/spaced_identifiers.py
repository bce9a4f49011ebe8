"""An identifier after its label, written in groups of digits with single spaces: ID 3O2 5l8 77, ＩＤ：O0871 24.

A card printed in groups, a number read aloud and typed, or a scan that cuts a space into a number
leaves an identifier in pieces; the label rules read the groups they know (three or four digits
each) and stop before a short tail. Here the value is every group after the label up to the end of
the line or a column gap (two blanks, an ideographic space, a tab), with the letters a scanner reads
for digits (O for zero, l or I for one), and a prefix of letters and a dash before the first group
(``職員No. S-l0 3981``). The groups must hold five digits or more, real digits
among them, and nothing but digits: a count or a dose after an identifier (``ID 12345 3 回目``,
``No. 2 5mg``) has a word or a unit before the line ends.
"""

from __future__ import annotations

import re
from typing import ClassVar

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_PATIENT_LABEL = r"(?:(?<![A-Za-z])(?:ID|Id|MRN|PID)|ＩＤ|患者番号|患者ID|カルテ番号|診察券番号)"
_OTHER_LABEL = r"(?:(?<![A-Za-z])(?<!Lot )(?<!LOT )(?<!lot )(?:No|no)\.?|Ｎｏ．?|(?<!ロット)番号|(?<![A-Za-z])tracking)"
_GROUP = r"[0-9OlI]{1,6}"
_SPACED_ID = re.compile(
    rf"(?:(?P<patient>{_PATIENT_LABEL})|{_OTHER_LABEL})[ \u3000]?[:：#]?[ \u3000]?"
    # a prefix of letters, with a dash or a space, and a suffix of letters (patient no. HK 0031 7745, EN 402 117 908 JP)
    rf"(?P<value>(?:[A-Z]{{1,3}}[-‐－ ])?{_GROUP}(?: {_GROUP}){{1,3}}(?: [A-Z]{{1,2}})?)(?=[ ]{{2,}}|[\u3000\t\n),）]|$)"
)


@register
class SpacedIdentifierRecognizer(Recognizer):
    name: ClassVar[str] = "spaced-identifier"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_ID", "OTHER_ID")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if not any(label in text for label in ("ID", "ＩＤ", "No", "no", "番号", "MRN", "tracking")):
            return []
        found = []
        for m in _SPACED_ID.finditer(text):
            value = m.group("value")
            digits = sum(ch.isdigit() for ch in value)
            if digits < 2 or len(value.replace(" ", "")) < 5 or value.startswith(("O ", "l ", "I ")):
                continue
            patient = m.group("patient") or text[max(0, m.start() - 8) : m.start()].lower().endswith("patient ")
            category = "PATIENT_ID" if patient else "OTHER_ID"
            found.append(Candidate(*m.span("value"), category, RANK_SUPPLEMENT))
        return found
