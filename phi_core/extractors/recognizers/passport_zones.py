"""The machine-readable zone of a passport or an ID card (ICAO 9303), as a scan of the page reads it.

Two lines of 44 characters (a passport) or three of 30 (an ID card) in capitals, digits and ``<``:
- ``P<GBRCLARKE<<EMMA<LOUISE<<<<<<<<<<<<<<<<<<<<``: the kind, the issuing state, then the holder's family name,
  ``<<``, and the given names parted by ``<``;
- ``5482197365GBR8509124F2906033<<<<<<<<<<<<<<02``: the document's number, its check digit, the nationality, the
  birth date (YYMMDD), its check digit, the sex, the expiry date (YYMMDD), ...

The name, the document's number, the birth date, the sex and the expiry are the holder's; the filler ``<`` and
the check digits are not. A scan may read O for 0 in the number; the zone is read as written.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_NAME_LINE = re.compile(
    r"(?m)^[ \t]*[PIAC][A-Z<][A-Z<]{3}(?P<family>[A-Z][A-Z\-]*(?:<[A-Z][A-Z\-]*)*)<<"
    r"(?P<given>[A-Z0-9][A-Z0-9\-]*(?:<[A-Z0-9][A-Z0-9\-]*)*)<*[ \t]*$"
)
_DATA_LINE = re.compile(
    r"(?m)^[ \t]*(?P<number>[A-Z0-9<]{9})[0-9<](?P<nation>[A-Z<]{3})(?P<birth>[0-9O]{6})[0-9O<]"
    r"(?P<sex>[MF<])(?P<expiry>[0-9O]{6})[0-9O<][A-Z0-9<]{0,16}[ \t]*$"
)


def _value(match: re.Match[str], group: str) -> tuple[int, int]:
    start, end = match.span(group)
    while end > start and match.string[end - 1] == "<":
        end -= 1
    return start, end


@register
class PassportZoneRecognizer(Recognizer):
    name: ClassVar[str] = "passport-zone"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME", "OTHER_ID", "BIRTH_DATE", "SEX", "OTHER_DATE")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if "<<" not in text:
            return []
        found = []
        for m in _NAME_LINE.finditer(text):
            found.append(Candidate(m.start("family"), m.end("given"), "PATIENT_NAME", RANK_SUPPLEMENT))
        for m in _DATA_LINE.finditer(text):
            start, end = _value(m, "number")
            if end > start:
                found.append(Candidate(start, end, "OTHER_ID", RANK_SUPPLEMENT))
            found.append(Candidate(*m.span("birth"), "BIRTH_DATE", RANK_SUPPLEMENT))
            if m.group("sex") != "<":
                found.append(Candidate(*m.span("sex"), "SEX", RANK_SUPPLEMENT))
            found.append(Candidate(*m.span("expiry"), "OTHER_DATE", RANK_SUPPLEMENT))
        return found
