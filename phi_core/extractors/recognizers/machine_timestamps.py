"""Dates and times in machine formats, whole: ISO 8601 with time and zone, and compact stamps.

2024-08-06T10:45:00+09:00, 2024-08-06 10:45:00.123, 20240806T104500Z, 20240806 1045, 06/Aug/2024:10:31:02: one span,
so the time and zone after a date found by the rules do not leak.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_STAMP = re.compile(
    r"(?<![0-9])(?:(?:19|20)\d{2}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?|(?:19|20)\d{6}T\d{4,6}"
    # A compact date, a space and a compact time: assessed_at=20261202 1415.
    r"|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]) (?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?"
    # A web server's access log: 06/Aug/2024:10:31:02 (the zone after a blank stays apart, as the log writes it).
    r"|(?:0[1-9]|[12]\d|3[01])/(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/(?:19|20)\d{2}:\d{2}:\d{2}:\d{2})"
    r"(?:Z|[+-]\d{2}:?\d{2})?(?![0-9])"
)


@register
class MachineTimestampRecognizer(Recognizer):
    name: ClassVar[str] = "machine-timestamp"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_DATE",)

    def find(self, doc: Document) -> list[Candidate]:
        return [Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _STAMP.finditer(doc.text)]
