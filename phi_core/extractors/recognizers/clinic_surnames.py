"""A clinic named by its kind and then its doctor's family name: レディースクリニック白石 (recall-first).

A practice is often named by what it offers and the family that runs it, the
family name last (ペインクリニック佐藤, ファミリー医院森). The facility recognizers end
the name at its kind; here a family name glued after the kind, and ending
there, belongs to the name. A word after the kind that is no family name
(クリニック受診); 医院 needs the kind's word before it (当医院山田先生 is a doctor) leaves the kind alone.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import surnames
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import KANJI, KATAKANA, LONG_VOWEL

from .sudachi_names import RANK_SUPPLEMENT

_KIND_THEN_FAMILY = re.compile(
    rf"(?<![{KATAKANA}{LONG_VOWEL}])(?P<kind>[{KATAKANA}{LONG_VOWEL}]{{0,10}}クリニック|[{KATAKANA}{LONG_VOWEL}]{{2,10}}医院)"
    rf"(?P<family>[{KANJI}]{{1,3}})(?![{KANJI}])"
)


@register
class ClinicSurnameRecognizer(Recognizer):
    name: ClassVar[str] = "clinic-surname"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if "クリニック" not in text and "医院" not in text:
            return []
        known = surnames()
        return [
            Candidate(m.start(), m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT)
            for m in _KIND_THEN_FAMILY.finditer(text)
            if m.group("family") in known
        ]
