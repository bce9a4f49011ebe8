"""Identifiers by their shape alone, the strict form: five digits or more, wherever they stand.

The precision-first sibling of ``identifier-shape``: a run of letters and
digits (with - _ / . inside) holding at least five real digits (P0051287,
u20417, 754R1023N008, a DICOM UID, a scanned O45-9O8-l172), digit groups
separated by spaces ("1234 5678 9012") and e-mail addresses. Shorter codes
(device models such as GIF-H290Z, room codes, lot numbers) are left to the
recall-first profile. A key of a JSON object ("00100010": {...}) names a field,
not a person's value, and is left alone. Measurements, ranges and scores of
the same shape are let through by the clinical allow-list.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .identifier_shape import _DECIMAL, _DIGIT, _EMAIL, _GROUPS, _RUN, standard_address
from .sudachi_names import RANK_SUPPLEMENT

_KEY_AFTER = re.compile(r'"[ \t]*:')
# Readings and fractions: groups of one to three digits divided by slashes (130/80, 120/70/60).
_READING = re.compile(r"^[0-9０-９]{1,3}(?:[/／][0-9０-９]{1,3})+$")


def _long(value: str) -> bool:
    # (most runs are words and short numbers: five digits need five characters)
    return (
        len(value) >= 5 and len(_DIGIT.findall(value)) >= 5 and not _DECIMAL.match(value) and not _READING.match(value)
    )


def _json_key(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] == '"' and _KEY_AFTER.match(text, end) is not None


@register
class LongIdentifierRecognizer(Recognizer):
    name: ClassVar[str] = "long-identifier"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_ID",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        spans = [m.span() for m in _RUN.finditer(text) if _long(m.group()) and not standard_address(m.group())]
        spans.extend(m.span() for m in _GROUPS.finditer(text))
        if "@" in text:  # the e-mail pattern tries every word otherwise
            spans.extend(m.span() for m in _EMAIL.finditer(text))
        return [Candidate(s, e, "OTHER_ID", RANK_SUPPLEMENT) for s, e in spans if not _json_key(text, s, e)]
