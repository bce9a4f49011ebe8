"""Dates typed with a space after each dot: R8. 12. 2, 2026. 12. 4, H27. 3. 1.

Forms and scanned pages space the parts of a dotted date; the date rules read
them only when the dots are tight. A year (four digits or an era letter with
one or two digits), a month and a day, each after a dot and a space.
"""

from __future__ import annotations

import re
from typing import ClassVar

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_SPACED_DATE = re.compile(
    r"(?<![0-9A-Za-z.])(?:[HSRTM][0-9]{1,2}|(?:19|20)[0-9]{2})\.[ \u3000]?(?:0?[1-9]|1[0-2])\.[ \u3000]?"
    r"(?:0?[1-9]|[12][0-9]|3[01])(?![0-9])"
)


@register
class SpacedDateRecognizer(Recognizer):
    name: ClassVar[str] = "spaced-date"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_DATE",)

    def find(self, doc: Document) -> list[Candidate]:
        if ". " not in doc.text and ".\u3000" not in doc.text:
            return []
        return [Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _SPACED_DATE.finditer(doc.text)]
