"""A school or fiscal year named by its era and number: 令和9年度, 平成元年度.

The date rules read 令和9年 and stop before 度, leaving one character of the value; this reads the whole
year with its 度 so that the span covers it. A year without its era (2026年度, 9年度) is a plan's or a
report's and is left to the date rules.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.eras import ERA_NAMES

from .sudachi_names import RANK_SUPPLEMENT

_ERA_FISCAL_YEAR = re.compile(rf"(?:{'|'.join(ERA_NAMES)})[ \u3000]?(?:[0-9０-９]{{1,2}}|元)[ \u3000]?年度")


@register
class FiscalYearRecognizer(Recognizer):
    name: ClassVar[str] = "fiscal-year"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_DATE",)

    def find(self, doc: Document) -> list[Candidate]:
        if "年度" not in doc.text:
            return []
        return [Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _ERA_FISCAL_YEAR.finditer(doc.text)]
