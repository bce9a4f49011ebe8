"""A facility's code as a system writes it: capitals joined by underscores or hyphens, or small letters by hyphens,
ending in a short word for its kind (HOKUREI_UH, SHOHOKU_CITY_HOSP, AOBADAI-MUH, minuma-kinen-hp, shonanbay-gh).

Interfaces name the sending or receiving hospital in a batch header (``FHS|^~\\&|HIS|HOKUREI_UH|``), a location
(``AIL|1|A|HAND^^^KAWAGUCHI_ENISHI_HP``) or a log's tenant and site (``tenant=minuma-kinen-hp``). GH is a general
hospital, UH a university's, GMC and CMC a general or central medical centre, MUH a medical university's hospital,
RH a rehabilitation hospital, HC a health centre, KINEN a memorial one.

Two readings, one home:
- ``facility-code`` (both profiles): the code opens with a place's name in romaji of four letters or more, so a
  code of what a unit does (FEVER_CLINIC, OTHER_HOSP, AC-CLINIC) is left alone;
- ``machine_facility_codes`` (recall-first's latin-facility): any run of three capitals or more before the kind, or
  small letters before a hospital's kind, as a host or a path names it.
Never a model or a unit (HP-1, 10HP), nor a chat's channel or a phrase (``#peds-clinic``, ``in-clinic``).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .romaji_words import is_romaji
from .sudachi_names import RANK_SUPPLEMENT

_KINDS = "HOSPITAL|HOSP|HP|CLINIC|CLN|CL|IIN|BYOIN|GH|UH|GMC|CMC|MUH|MC|RH|HC|CTR|CENTER|CENTRE|KINEN"
_PLACE_FIRST_UPPER = re.compile(
    rf"(?<![A-Za-z0-9_\-#])(?P<words>[A-Z]{{2,}}(?:_[A-Z]{{2,}}){{0,3}})_(?:{_KINDS})(?![A-Za-z0-9_\-])"
)
_PLACE_FIRST_LOWER = re.compile(
    rf"(?<![A-Za-z0-9_\-#./@])(?P<words>[a-z]{{2,}}(?:-[a-z]{{2,}}){{0,3}})-(?:{_KINDS.lower()})(?![A-Za-z0-9_\-.@])"
)
_MACHINE_KINDS = "HP|HOSP|HOSPITAL|CLINIC|CLN|IIN|BYOIN|GH|UH|GMC|MUH|MC|KINEN"
_MACHINE_CODE = re.compile(
    rf"(?<![A-Za-z0-9_\-])(?:[A-Z]{{3,}}(?:[_\-][A-Z0-9]+)*[_\-](?:{_MACHINE_KINDS})"
    rf"|(?<![.@/])[a-z]{{4,}}(?:-[a-z0-9]{{2,}}){{0,3}}-(?:gh|uh|gmc|muh|hosp|kinen))(?![A-Za-z0-9_\-])"
)


def _opens_with_a_place(words: str) -> bool:
    first = words.replace("-", "_").split("_")[0]
    return len(first) >= 4 and is_romaji(first.capitalize())


def place_facility_codes(text: str) -> list[tuple[int, int]]:
    """Codes that open with a place's name in romaji."""
    spans: list[tuple[int, int]] = []
    if "_" in text:
        spans += [m.span() for m in _PLACE_FIRST_UPPER.finditer(text) if _opens_with_a_place(m.group("words"))]
    if "-" in text:
        spans += [m.span() for m in _PLACE_FIRST_LOWER.finditer(text) if _opens_with_a_place(m.group("words"))]
    return spans


def machine_facility_codes(text: str) -> list[tuple[int, int]]:
    """Any code of capitals before a facility's kind, or of small letters before a hospital's."""
    if "_" not in text and "-" not in text:
        return []
    return [m.span() for m in _MACHINE_CODE.finditer(text)]


@register
class FacilityCodeRecognizer(Recognizer):
    name: ClassVar[str] = "facility-code"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        return [
            Candidate(start, end, "HOSPITAL_NAME", RANK_SUPPLEMENT) for start, end in place_facility_codes(doc.text)
        ]
