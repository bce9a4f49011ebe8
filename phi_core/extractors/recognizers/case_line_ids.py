"""An identifier right after a person's age and sex in a line of a case list: 症例A：T.S. 30代女性 2290-5531.

Case lists, referral summaries and incident reports introduce a person by initials or a name, an age
(``30代``, ``45歳``, ``72y``) and a sex, and then the record number that finds the chart; the number has
no label, the age and sex before it say whose it is. Only a number shaped like a record's: digits in
two groups of three or more joined by a hyphen (``2290-5531``), or six to ten digits alone
(``00412783``). A date (``2024-12-01``, two hyphens), a reading (``120/80``), a measure (``1200 mL``)
or a count has another shape or a unit after it.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_CASE_LINE_ID = re.compile(
    r"(?<![0-9])[0-9]{1,3}(?:代|歳|才|[ ]?(?:y|yo|yrs?)(?![A-Za-z]))(?:前半|後半)?[ \u3000]?"
    r"(?:男性|女性|男児|女児|男|女|(?<![A-Za-z])[MF](?![A-Za-z])|(?i:male|female))[ \u3000,、]{1,3}"
    r"(?P<id>[0-9]{3,}[-‐－][0-9]{3,}|[0-9]{6,10})(?![0-9\-‐－/.:]|[ ]?(?:mg|mL|ml|g|kg|cm|mm|円|回|人|名|例))"
)


@register
class CaseLineIdRecognizer(Recognizer):
    name: ClassVar[str] = "case-line-id"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_ID",)

    def find(self, doc: Document) -> list[Candidate]:
        return [Candidate(*m.span("id"), "PATIENT_ID", RANK_SUPPLEMENT) for m in _CASE_LINE_ID.finditer(doc.text)]
