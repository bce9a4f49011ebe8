"""A name typed or scanned with a space between its letters, before an honorific: 嶋 田 み ゆ き 様.

Forms filled in by hand and then scanned, or typed to fill a fixed-width box,
put a space (two between family and given name) after every letter. Three to
ten single Japanese letters spaced so, right before 様, さん, 殿, 氏, 君 or
ちゃん, are a person's name, whatever a dictionary makes of the letters.
"""

from __future__ import annotations

import re
from typing import ClassVar

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import JAPANESE_LETTERS
from phi_core.japanese.honorifics import alternation, words

from .person_context import person_category
from .sudachi_names import RANK_SUPPLEMENT

_HONORIFICS = words("person")
_LETTER = f"[{JAPANESE_LETTERS}々]"
_SPACED_BEFORE_HONORIFIC = re.compile(
    rf"(?:^|(?<=[\s：:、。,，（(「『]))(?P<name>{_LETTER}(?:(?: {{1,2}}|\u3000){_LETTER}){{2,9}})"
    rf"[ \u3000]?(?:{alternation(words('person'))})",
    re.MULTILINE,
)


@register
class SpacedNameRecognizer(Recognizer):
    name: ClassVar[str] = "spaced-name"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if not any(h in text for h in _HONORIFICS):
            return []
        return [
            Candidate(*m.span("name"), person_category(text, *m.span("name")), RANK_SUPPLEMENT)
            for m in _SPACED_BEFORE_HONORIFIC.finditer(text)
        ]
