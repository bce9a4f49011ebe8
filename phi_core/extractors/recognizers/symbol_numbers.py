"""The second part of an insurance card's symbol and number written with a slash: 記号番号 12-345 / 987.

A health insurance card has a symbol (記号) and a number (番号); forms print them as one value after the
label 記号番号 or 記号・番号, split by a slash. The identifier rules take the first group (it has a hyphen
or enough digits); the short number after the slash looks like a count on its own and must be read
with the label before it. Only on the label's line, and only digits (a slash and a word is a remark).
"""

from __future__ import annotations

import re
from typing import ClassVar

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_SYMBOL_NUMBER = re.compile(
    r"記号[・･/／]?番号[^\S\n]*[:：]?[^\S\n]*"
    r"(?P<symbol>[0-9０-９A-Za-zＡ-Ｚａ-ｚ][0-9０-９A-Za-zＡ-Ｚａ-ｚ\-－]*)[^\S\n]*[/／][^\S\n]*"
    r"(?P<number>[0-9０-９]{1,10})(?![0-9０-９.%])"
)


@register
class SymbolNumberRecognizer(Recognizer):
    name: ClassVar[str] = "symbol-number"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_ID",)

    def find(self, doc: Document) -> list[Candidate]:
        if "記号" not in doc.text:
            return []
        found = []
        for m in _SYMBOL_NUMBER.finditer(doc.text):
            found.append(Candidate(*m.span("symbol"), "OTHER_ID", RANK_SUPPLEMENT))
            found.append(Candidate(*m.span("number"), "OTHER_ID", RANK_SUPPLEMENT))
        return found
