"""A facility's code as a system writes it: a place in romaji, then a short word for its kind (SHOHOKU_CITY_HOSP,
HOKUREI_UH, SAGAMI_HIBARI_GH, minuma-kinen-hp, mizuhodai-hand-clinic).

Interfaces name the sending or receiving hospital in a batch header (``FHS|^~\\&|HIS|HOKUREI_UH|``), a location
(``AIL|1|A|HAND^^^KAWAGUCHI_ENISHI_HP``) or a log's tenant and site (``tenant=minuma-kinen-hp``). The code is the
facility's name: capitals joined by underscores, or small letters by hyphens, ending in a kind (HOSP, HP, UH, GH,
MC, CMC, RH, CL, HC, CTR, CENTER, CLINIC) and opening with a place's name in romaji of four letters or more. A code
of what a unit does (FEVER_CLINIC, OTHER_HOSP, AC-CLINIC) opens with no such name, and a chat channel
(``#frailty-clinic``) or a phrase (``in-clinic``) stands where no value does: after ``#`` or a letter.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .romaji_words import is_romaji
from .sudachi_names import RANK_SUPPLEMENT

_KINDS = "HOSP|HP|UH|GH|MC|CMC|RH|CL|HC|CTR|CENTER|CENTRE|CLINIC"
_UPPER = re.compile(
    rf"(?<![A-Za-z0-9_\-#])(?P<words>[A-Z]{{2,}}(?:_[A-Z]{{2,}}){{0,3}})_(?:{_KINDS})(?![A-Za-z0-9_\-])"
)
_LOWER = re.compile(
    rf"(?<![A-Za-z0-9_\-#./@])(?P<words>[a-z]{{2,}}(?:-[a-z]{{2,}}){{0,3}})-(?:{_KINDS.lower()})(?![A-Za-z0-9_\-.@])"
)


def _opens_with_a_place(words: str) -> bool:
    first = words.replace("-", "_").split("_")[0]
    return len(first) >= 4 and is_romaji(first.capitalize())


@register
class FacilityCodeRecognizer(Recognizer):
    name: ClassVar[str] = "facility-code"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found: list[Candidate] = []
        if "_" in text:
            found += [
                Candidate(*m.span(), "HOSPITAL_NAME", RANK_SUPPLEMENT)
                for m in _UPPER.finditer(text)
                if _opens_with_a_place(m.group("words"))
            ]
        if "-" in text:
            found += [
                Candidate(*m.span(), "HOSPITAL_NAME", RANK_SUPPLEMENT)
                for m in _LOWER.finditer(text)
                if _opens_with_a_place(m.group("words"))
            ]
        return found
