"""Ages with their unit in any text: 67 歳, ６３才, 63Y, 52-year-old, 45 y/o (age bands such as 70歳代 excluded)."""

from __future__ import annotations

import re
from typing import ClassVar

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_AGE = re.compile(
    r"(?<![0-9０-９.])[0-9０-９]{1,3}(?:[ \u3000]?(?:歳|才)(?!代|台|以上|以下|未満)|Y(?![A-Za-z])|-year-old|[ ]?y/?o(?![A-Za-z]))"
)


@register
class AgeRecognizer(Recognizer):
    name: ClassVar[str] = "age-with-unit"
    categories: ClassVar[tuple[str, ...]] = ("AGE",)

    def find(self, doc: Document) -> list[Candidate]:
        return [Candidate(*m.span(), "AGE", RANK_SUPPLEMENT) for m in _AGE.finditer(doc.text)]
