"""Beds of care units the room rules do not know, and a bed written straight after the word for admission.

- A bed of a palliative, delivery, high-dependency or respiratory care unit by the unit's letters and
  its number (``(PCU-07)``, ``（LDR2）``, ``HDU 3``, ``RCU-12``), as bed boards, session logs and triage
  logs write where a patient lies; not a count of days, beds or rooms after it (``PCU 3日間``, ``LDR 2室``).
- A bed by one letter and its number straight after admission or entering a room (``18:50入院 L-3``,
  ``入室（B-2）``), as a log writes where the patient went; one letter only, so an exam room by its
  modality (``CT-1``) and a vertebra (``L3-4``: no hyphen between the letter and the digit and a range after) stay.
- A room by its floor, wing and number (``2階東-14``): the floor and wing are the ward, the number after
  the dash is the room.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_COUNT_AFTER = r"(?![0-9A-Za-z]|[ \u3000]?(?:日|週|月|年|時|分|回|名|人|件|床|室|台|days?|beds?|h\b|%))"
_UNIT_BED = re.compile(
    r"(?<![A-Za-z])(?P<v>(?:PCU|LDR|HDU|RCU)(?:[-‐－ ]?[0-9]{1,3}|[-‐－][A-Z][0-9]{1,2}))" + _COUNT_AFTER
)
_ADMITTED_BED = re.compile(r"(?:入院|入室|入床|転床)[ \u3000]?[（(]?(?P<v>[A-Z][-‐－][0-9]{1,2})(?![0-9A-Za-z\-‐－])")
_WING_ROOM = re.compile(r"(?<![0-9])[0-9]{1,2}階[東西南北][-‐－](?P<v>[0-9]{1,3})(?![0-9])")


@register
class CareUnitBedRecognizer(Recognizer):
    name: ClassVar[str] = "care-unit-bed"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_ID",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        for pattern in (_UNIT_BED, _ADMITTED_BED, _WING_ROOM):
            found.extend(Candidate(*m.span("v"), "OTHER_ID", RANK_SUPPLEMENT) for m in pattern.finditer(text))
        return found
