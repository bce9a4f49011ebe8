"""Numbers that name one object lent, kept or connected: a device's MAC address, an item's number after #, a slip's
number after No. with a letter series.

- a MAC address, six pairs of hex digits joined by colons or hyphens (``3C:22:FB:91:0A:7E``): it names one
  patient's or one visitor's device; a time (10:05:33) has three groups and no letters;
- an object's code after # with letters before its digits (``wheelchair #W14``, ``charger #C5``, ``Loan: #WC-30``):
  what a ward lends, the writer marks with its number; ``#3`` alone (an item of a list, a catheter's size) is
  left to the rules that read its context;
- a slip's number after No. with a series of letters and a space (``No. TV-R 0045213``): the series and the
  number are one value, four digits or more.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_HEX = "[0-9A-Fa-f]{2}"
_MAC = re.compile(rf"(?<![0-9A-Za-z:\-]){_HEX}(?P<sep>[:\-]){_HEX}(?:(?P=sep){_HEX}){{4}}(?![0-9A-Za-z:\-])")
_HASHED = re.compile(r"(?<![A-Za-z0-9&])#[ ]?(?P<v>[A-Z]{1,3}-?[0-9]{1,4})(?![0-9A-Za-z\-]|\.[0-9])")
_SERIES_NO = re.compile(
    r"(?<![A-Za-z])(?:No|NO)\.?[ ]?(?P<v>[A-Z]{1,3}(?:-[A-Z]{1,3})?[ \-][0-9]{4,})(?![0-9A-Za-z\-])"
)


@register
class ItemCodeRecognizer(Recognizer):
    name: ClassVar[str] = "item-code"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_ID",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        if ":" in text or "-" in text:
            for m in _MAC.finditer(text):
                if any(ch.isalpha() for ch in m.group()):
                    found.append(Candidate(*m.span(), "OTHER_ID", RANK_SUPPLEMENT))
        if "#" in text:
            found.extend(Candidate(*m.span("v"), "OTHER_ID", RANK_SUPPLEMENT) for m in _HASHED.finditer(text))
        if "No" in text or "NO" in text:
            found.extend(Candidate(*m.span("v"), "OTHER_ID", RANK_SUPPLEMENT) for m in _SERIES_NO.finditer(text))
        return found
