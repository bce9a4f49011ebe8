"""A Chinese or Korean name in Chinese characters before an honorific: 刘建国様, 孙丽华様, 朴 秀英さん.

The family name is one of the table's (phi_core/japanese/foreign_surnames.py), the given name one
character or two, a blank between them or none; an honorific or a clinician's title follows. The whole
must be no word the dictionary knows (張本人, 陳述, 許可 stay words), and the family name must open a
word (the 劉 of 巴劉 is not one).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import KANJI
from phi_core.japanese.foreign_surnames import CHINESE_KOREAN_SURNAMES
from phi_core.japanese.honorifics import alternation, words
from phi_core.nlp.loaders import sudachi_available, sudachi_lookup

from .person_context import person_category
from .sudachi_names import RANK_SUPPLEMENT

_NAME = re.compile(
    rf"(?<![{KANJI}])(?P<name>[{''.join(sorted(CHINESE_KOREAN_SURNAMES))}][ \u3000]?[{KANJI}]{{1,2}})"
    rf"(?=[ \u3000]?(?:{alternation(words('person', 'clinician'))}))"
)


@register
class HanziNameRecognizer(Recognizer):
    name: ClassVar[str] = "hanzi-name"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        for m in _NAME.finditer(text):
            name = m.group("name")
            if sudachi_available() and sudachi_lookup(name.replace(" ", "").replace("\u3000", "")):
                continue  # a word: 張本人, 許可
            found.append(Candidate(*m.span("name"), person_category(text, *m.span("name")), RANK_SUPPLEMENT))
        return found
