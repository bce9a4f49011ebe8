"""A clinic named by what it treats, before 外来: フットケア外来, 抗凝固外来, 睡眠外来, 成人先天性心疾患外来 (recall-first).

A hospital names its special clinics by the disease, the organ, the treatment or the people they serve,
and a patient's clinic narrows down who the patient is as a department does. Independent writers mark such a
clinic as the patient's department about half the time; recall-first masks it (a leak costs more than a
mask). Left alone: a visit in time (次回外来, 午後外来), a clinic every hospital runs (救急外来, 夜間外来,
専門外来), a word that points at one (当院外来, 他科外来), and 外来 as a way of treating (外来化学療法).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, KANJI, LONG_VOWEL
from phi_core.japanese.organisations import CLINICS_OF_EVERY_HOSPITAL, VISITS_NOT_CLINICS

from .sudachi_names import RANK_SUPPLEMENT

_LETTERS = f"{KANJI}{FULL_WIDTH_KATAKANA}{LONG_VOWEL}A-Za-z"
_CLINIC = re.compile(
    rf"(?<![{_LETTERS}・0-9])(?P<what>[{_LETTERS}][{_LETTERS}・]{{1,13}})外来(?!化学療法|患者数|診療棟|棟)"
)
_NOT_NAMES = VISITS_NOT_CLINICS + CLINICS_OF_EVERY_HOSPITAL
_POINTERS = ("当院", "当科", "貴院", "同院", "本院", "当センター")


@register
class SpecialtyClinicRecognizer(Recognizer):
    name: ClassVar[str] = "specialty-clinic"
    categories: ClassVar[tuple[str, ...]] = ("DEPARTMENT",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if "外来" not in text:
            return []
        found = []
        for m in _CLINIC.finditer(text):
            what, start = m.group("what"), m.start()
            # (a word pointing at the hospital glued before the clinic is no part of its name: 当院ジェンダー外来)
            pointer = next((p for p in _POINTERS if what.startswith(p) and len(what) - len(p) >= 2), "")
            what, start = what[len(pointer) :], start + len(pointer)
            if not what.startswith(_NOT_NAMES):
                found.append(Candidate(start, m.end(), "DEPARTMENT", RANK_SUPPLEMENT))
        return found
