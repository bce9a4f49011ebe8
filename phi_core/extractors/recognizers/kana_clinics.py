"""Clinics named by a coined kana word and several specialties, also after a particle (recall-first).

はるな胃腸科・肛門科, わかば内科・小児科, めむろ内科胃腸科, "…をまえばし中央内科へFAX": the
kana-facility recognizer's form (a kana name, a few kanji, the kind or
specialty; or a kanji word and の before the kind: まつもと心のクリニック) with more
specialties (胃腸科, 肛門科, 歯科 ...), the specialties that follow joined by ・, and a name that opens right after を, に or へ when a kanji or a
closing bracket stands before the particle (書類をまえばし中央内科へ). Words of the
sentence that follow a particle (入院にあたり病院, 増量について内科) open no name.

balanced keeps kana-facility as it is; recall-first runs both.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI, LONG_VOWEL
from phi_core.japanese.organisations import PRACTICE_SPECIALTIES

from .kana_facility import _KINDS, _KINDS_IN_KANA, _POINTERS, not_a_practice_name
from .sudachi_names import RANK_SUPPLEMENT

_SPECIALTIES = PRACTICE_SPECIALTIES
_CLINIC = re.compile(
    rf"(?:^|(?<=[\s：:、。,，「『（(／/])|(?<=[{KANJI}）)」』][をにへ]))"
    rf"(?P<name>[{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}]{{3,12}})"
    rf"(?:[{KANJI}]{{0,8}}|[{KANJI}]{{1,3}}の)(?:{'|'.join(_KINDS + _SPECIALTIES)})(?:[・･][{KANJI}]{{1,6}}?科)*",
    re.MULTILINE,
)
# A unit of the clinic glued after it whose first kanji is 病 (くすのき医院病児保育室): with the unit the name
# is one place; alone, the name then 病 reads as a disease named after a person (橋本病) and is let go.
_SICK_CHILD_UNIT = re.compile(rf"病[{KANJI}]{{1,5}}(?:室|ルーム|センター)")
_SENTENCE_WORDS = ("ついて", "おいて", "あたり", "よって", "かけて", "むけて", "わたり", "とも", "つき", "より", "して")


@register
class KanaClinicRecognizer(Recognizer):
    name: ClassVar[str] = "kana-clinic"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if not any(kind in text for kind in _KINDS + _SPECIALTIES):
            return []
        found = []
        for m in _CLINIC.finditer(text):
            name = m.group("name")
            if name.startswith(_SENTENCE_WORDS) or name in _POINTERS or name in _KINDS_IN_KANA:
                continue
            if not_a_practice_name(name):
                continue
            unit = _SICK_CHILD_UNIT.match(text, m.end())
            found.append(Candidate(m.start(), unit.end() if unit else m.end(), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        return found
