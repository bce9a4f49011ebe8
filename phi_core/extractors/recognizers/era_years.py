"""A Japanese era year written alone by its letter: H30, S45, R5 (平成30年, 昭和45年, 令和5年).

Only forms no anatomy or staging label takes: H with two digits, S with two
digits from 20 (segments are S1-S8), R with one digit; T (大正) and M (明治)
are left out (T and M stage). Full-width letters and digits count (Ｈ２９). Followed by a space, 年, a range mark, a closing bracket,
a comma, 頃, a particle of time (に, から, まで) or the end of the line.
"""

from __future__ import annotations

import re
from typing import ClassVar

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_ERA_YEAR = re.compile(
    r"(?<![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])(?:[HＨ][0-3０-３][0-9０-９]|[SＳ][2-6２-６][0-9０-９]|[RＲ][1-9１-９])"
    r"(?=[ \u3000年〜~～\-–)）、,。頃]|ごろ|に(?![0-9０-９])|から|まで|より|$)",
    re.MULTILINE,
)


@register
class EraYearRecognizer(Recognizer):
    name: ClassVar[str] = "era-year"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_DATE",)

    def find(self, doc: Document) -> list[Candidate]:
        return [Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _ERA_YEAR.finditer(doc.text)]
