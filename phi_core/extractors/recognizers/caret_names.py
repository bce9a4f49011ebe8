"""A name written FAMILY^GIVEN in kanji or kana in a message's free text: 対応 青柳^理沙, 長男 長谷川^健.

A system that writes names with a caret between their parts (HL7's XPN) puts them so into its notes
and comments too, where no field says what they are. The family part must be one the dictionary lists
as a family name; the given part one to three kanji or two to six kana, as a given name is written.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import KANJI, READING_KANA

from .person_context import person_category
from .sudachi_names import RANK_SUPPLEMENT

_CARET_NAME = re.compile(
    rf"(?<![{KANJI}{READING_KANA}^|])(?P<family>[{KANJI}]{{1,4}})\^(?:[{KANJI}]{{1,3}}|[{READING_KANA}]{{2,6}})"
    rf"(?![{KANJI}{READING_KANA}])"
)


@register
class CaretNameRecognizer(Recognizer):
    name: ClassVar[str] = "caret-name"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if "^" not in text:
            return []
        return [
            Candidate(*m.span(), person_category(text, *m.span()), RANK_SUPPLEMENT)
            for m in _CARET_NAME.finditer(text)
            if can_be_surname(m.group("family"))
        ]
