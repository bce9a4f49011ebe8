"""A court's case number: 令和8年(家)第1207号, 令和7年（ワ）第889号, R8年(モ)第312号.

Japanese courts number every case the same way, whatever the court: the era
year the case was filed, a one- or two-character case mark in brackets (家 for
family cases, ワ for civil suits, モ for motions) and 第N号. Guardianship
papers, malpractice files and answers to a court quote it; it names the
patient's case as surely as a chart number does.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.eras import ERA_LETTERS, ERA_NAMES, FIRST_YEAR

from .sudachi_names import RANK_SUPPLEMENT

_ERA = "|".join(sorted(ERA_NAMES, key=len, reverse=True))
_CASE_NUMBER = re.compile(
    rf"(?:(?:{_ERA})|[{ERA_LETTERS}])[ \u3000]?(?:[0-9０-９]{{1,2}}|{FIRST_YEAR})[ \u3000]?年[ \u3000]?"
    r"[（(][^\s（()）0-9０-９]{1,2}[)）][ \u3000]?第[ \u3000]?[0-9０-９]{1,6}[ \u3000]?号"
)


@register
class CourtCaseNumberRecognizer(Recognizer):
    name: ClassVar[str] = "court-case-number"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_ID",)

    def find(self, doc: Document) -> list[Candidate]:
        if "号" not in doc.text:
            return []
        return [Candidate(*m.span(), "OTHER_ID", RANK_SUPPLEMENT) for m in _CASE_NUMBER.finditer(doc.text)]
