"""A facility's code in a system's own spelling, its kind as the last part: AOBADAI-MUH, KOBE_PORT_GH, shonanbay-gh.

Logs, file paths, mail hosts and exports name a hospital by a code of romaji words joined by hyphens or
underscores and ended by an abbreviation of its kind (GH general hospital, UH university hospital, GMC
general medical centre, MUH medical university hospital, KINEN memorial, HOSP). HL7 header fields are read
by their place (hl7.py); these stand anywhere. The first word has four letters or more, so that a
department's or a test's code (ICU-CC, MRI-CL) is not taken for one.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

# (not -clinic or -hospital: a chat's channel says what it is about, #peds-clinic, outside-hospital)
_KINDS = ("GH", "UH", "GMC", "MUH", "MC", "HP", "HOSP", "KINEN", "UNIVHOSP")
_UPPER = "|".join(_KINDS)
_LOWER = "|".join(kind.lower() for kind in _KINDS)
_CODE = re.compile(
    rf"(?<![A-Za-z0-9_.@/-])(?:[A-Z]{{4,}}(?:[-_][A-Z0-9]{{2,}}){{0,3}}[-_](?:{_UPPER})"
    rf"|[a-z]{{4,}}(?:-[a-z0-9]{{2,}}){{0,3}}-(?:{_LOWER}))(?![A-Za-z0-9_-])"
)


@register
class FacilityCodeRecognizer(Recognizer):
    name: ClassVar[str] = "facility-code"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        return [Candidate(*m.span(), "HOSPITAL_NAME", RANK_SUPPLEMENT) for m in _CODE.finditer(doc.text)]
