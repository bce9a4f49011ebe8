"""Hospitals, clinics and pharmacies whose coined name is written in kana before their kind.

ひだまりこどもクリニック, とよさと呼吸器内科クリニック, みなと台中央病院: a run of
kana (two to twelve letters) that opens after a line start, a space, a colon,
a bracket or a comma, then at most a few kanji (a specialty or 中央, 記念),
then the kind. Words that point at a facility without naming it (この, その,
かかりつけ) and runs that end in の (ほかの, べつの) are not names.
"""

from __future__ import annotations

import re
from typing import ClassVar

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI, LONG_VOWEL

from .sudachi_names import RANK_SUPPLEMENT

_KINDS = ("クリニック", "病院", "医院", "診療所", "薬局", "歯科医院", "こどもクリニック")
_FACILITY = re.compile(
    rf"(?:^|(?<=[\s：:、。,，「『（(／/]))"
    rf"(?P<name>[{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{2,12}})"
    rf"[{KANJI}]{{0,8}}(?:{'|'.join(_KINDS)})",
    re.MULTILINE,
)
_POINTERS = frozenset({"この", "その", "あの", "どの", "かかりつけ", "ほか", "べつ", "つぎ", "まえ"})


@register
class KanaFacilityRecognizer(Recognizer):
    name: ClassVar[str] = "kana-facility"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        found = []
        for m in _FACILITY.finditer(doc.text):
            name = m.group("name")
            if name in _POINTERS or name.endswith("の"):
                continue
            found.append(Candidate(m.start(), m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        return found
