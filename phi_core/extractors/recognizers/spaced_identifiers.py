"""An identifier after its label, written in groups of digits with single spaces: ID 3O2 5l8 77, ＩＤ：O0871 24.

A card printed in groups, a number read aloud and typed, or a scan that cuts a space into a number
leaves an identifier in pieces; the label rules read the groups they know (three or four digits
each) and stop before a short tail. Here the value is every group after the label up to the end of
the line or a column gap (two blanks, an ideographic space, a tab), with the letters a scanner reads
for digits (O for zero, l or I for one), and a prefix of letters and a dash before the first group
(``職員No. S-l0 3981``). The groups must hold five digits or more, real digits
among them, and nothing but digits: a count or a dose after an identifier (``ID 12345 3 回目``,
``No. 2 5mg``) has a word or a unit before the line ends.

Digits typed one to a box with a hyphen between the groups (``8 8 0 1 - 2 4 6 7``, ``0-2 3 1 8``,
``3301 - 771250``) are the same value: a hyphen, with or without blanks around it, joins groups as a
space does. Between the label and its value may stand a short remark in brackets (``患者ID（変更なし）``,
``受診券番号（診察券）``), a ``No.`` the form prints again, or the bracket that holds the value
(``基礎年金番号（4512-608933）``).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_PATIENT_LABEL = r"(?:(?<![A-Za-z])(?:ID|Id|MRN|PID)|ＩＤ|患者番号|患者ID|カルテ番号|診察券番号)"
_OTHER_LABEL = r"(?:(?<![A-Za-z])(?<!Lot )(?<!LOT )(?<!lot )(?:No|no)\.?|Ｎｏ．?|(?<!ロット)番号|(?<![A-Za-z])tracking)"
_GROUP = r"[0-9OlI]{1,6}"
_JOIN = r"(?: ?[-‐－] ?| )"
# a remark in brackets between a label and its value (患者ID（変更なし）), or the bracket holding the value
_REMARK = r"(?:[（(](?P<remark>[^（）()\n0-9０-９]{1,8})[）)])?"
_SPACED_ID = re.compile(
    rf"(?:(?P<patient>{_PATIENT_LABEL})|{_OTHER_LABEL}){_REMARK}[ \u3000]?[:：#]?[ \u3000]?(?:No\. ?)?[（(]?"
    # a prefix of letters, with a dash or a space, and a suffix of letters (patient no. HK 0031 7745, EN 402 117 908 JP)
    rf"(?P<value>(?:[A-Z]{{1,3}}[-‐－ ])?{_GROUP}(?:{_JOIN}{_GROUP}){{1,9}}(?: [A-Z]{{1,2}})?)"
    r"(?=[ ]{2,}|[\u3000\t\n),）]|$)"
)

# A telephone or postal number after its 番号 is read by the phone and address rules.
_DASH = re.compile("[-‐－]")
_NOT_AN_ID = re.compile(r"電話|TEL|Tel|FAX|Fax|携帯|郵便|〒")


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
            body = re.sub(r"[ \-‐－]", "", value)
            if digits < 2 or len(body) < 5 or value.startswith(("O ", "l ", "I ")):
                continue
            if len(re.findall(_GROUP, value)) > 4 and not _DASH.search(value):
                continue  # more than four groups need the hyphen of a boxed form: No. 1 2 3 4 5 6 is a list
            if _NOT_AN_ID.search(text, max(0, m.start() - 4), m.start() + 2):
                continue
            remark = m.group("remark") or ""
            patient = (
                m.group("patient")
                or "診察券" in remark
                or "カルテ" in remark
                or text[max(0, m.start() - 8) : m.start()].lower().endswith("patient ")
            )
            category = "PATIENT_ID" if patient else "OTHER_ID"
            found.append(Candidate(*m.span("value"), category, RANK_SUPPLEMENT))
        return found
