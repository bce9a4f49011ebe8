"""Numbers after a label the rules do not know, by the label's last word: 記号・番号：3204・118, 枝番 01.

Any label ending in 番号, 記号, 番, No., ID or コード introduces an identifier
(insurance numbers, ticket numbers, lot numbers, login IDs, 第3-45521号 ...), whatever the
rest of the label says: the recognizers cannot list every form's field. The
value holds two digits or more, or a letter and a digit; station and item
numbers (No. 7) and counts are let through by the allow-list. A bed is read
by its word, even as one letter (ベッドA, Bed: B).
"""

from __future__ import annotations

import re
from typing import ClassVar

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import KANJI, KATAKANA

from .sudachi_names import RANK_SUPPLEMENT

_VALUE_CHARS = "0-9０-９A-Za-zＡ-Ｚａ-ｚ"
_LABELLED = re.compile(
    rf"(?:番号|記号|枝番|番|(?<![A-Za-z])(?:No|NO|ID|Id)\.?|コード|(?i:code))[ \u3000]*[:：]?[ \u3000]*(?:第)?"
    rf"(?P<value>[{_VALUE_CHARS}](?:[{_VALUE_CHARS}]|[-‐－・/.](?=[{_VALUE_CHARS}]))*)"
    rf"(?=号|(?![{KANJI}{KATAKANA}]))"
)
# A bed by a letter or a number after its word: ベッドA, Bed: B, 床 3 (one character values count here).
_BED = re.compile(
    r"(?:ベッド|ﾍﾞｯﾄﾞ|(?<![A-Za-z])(?:Bed|BED|bed)|床)[ \u3000]*[:：=]?[ \u3000]*(?P<value>[A-Z]|[0-9]{1,2})(?![A-Za-z0-9])"
)
_DIGIT = re.compile("[0-9０-９]")
_LETTER = re.compile("[A-Za-zＡ-Ｚａ-ｚ]")


@register
class LabelledNumberRecognizer(Recognizer):
    name: ClassVar[str] = "labelled-number"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_ID",)

    def find(self, doc: Document) -> list[Candidate]:
        found = []
        for m in _LABELLED.finditer(doc.text):
            value = m.group("value")
            digits = len(_DIGIT.findall(value))
            if digits >= 2 or (digits and _LETTER.search(value)):
                found.append(Candidate(*m.span("value"), "OTHER_ID", RANK_SUPPLEMENT))
        found.extend(Candidate(*m.span("value"), "OTHER_ID", RANK_SUPPLEMENT) for m in _BED.finditer(doc.text))
        return found
