"""A family name in kanji with a given name of katakana and 子 written onto it: 松浦ヨシ子さん, 木村ハル江様.

Many women born before the war were registered with a given name of katakana and one kanji (ヨシ子, ハル江,
キミ代), and a note glues it to the family name with no blank. The dictionary splits the run into a family
name, a katakana word and the kanji 子, and reads no person in it. Here the run is a name when the kanji before
the katakana are a family name the surname list or the dictionary knows, and an honorific or the person's age
follows it.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, UNIFIED_KANJI
from phi_core.japanese.honorifics import alternation, words

from .person_context import person_category
from .sudachi_names import RANK_SUPPLEMENT

_GLUED = re.compile(
    rf"(?<![{UNIFIED_KANJI}々])(?P<family>[{UNIFIED_KANJI}々]{{1,3}})[{FULL_WIDTH_KATAKANA}]{{1,3}}[子江枝代美恵]"
    rf"(?=[ \u3000]?(?:{alternation(words('person'))})|[ \u3000（(]{{1,2}}[0-9０-９]{{1,3}}(?:歳|才))"
)


@register
class KanaGivenNameRecognizer(Recognizer):
    name: ClassVar[str] = "kana-given-name"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME", "PHYSICIAN_NAME")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        return [
            Candidate(*m.span(), person_category(text, *m.span()), RANK_SUPPLEMENT)
            for m in _GLUED.finditer(text)
            if can_be_surname(m.group("family"))
        ]
