"""A sex written right after an age in any unit or an age band: 70代男性, 50代 M, ８２才　Ｆ, Age 4 yrs F.

The balanced rule (sex-near-age) reads a sex word after an age in 歳 or 才;
forms, line lists and triage tags also write the decade (70代), the English
unit (4 yrs) or a full-width code (Ｆ). The age band itself is no PHI (the
guidelines), the sex beside it describes the patient as any sex code does.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import DIGIT

from .sudachi_names import RANK_SUPPLEMENT

# (a child's months may follow its years: 12y10m, 2歳10か月)
_AGE = (
    rf"(?<![{DIGIT}.])[{DIGIT}]{{1,3}}(?:歳代|才代|歳|才|代(?!目)|ｻｲ|サイ| ?yrs?\.?| ?y(?![A-Za-z]))"
    rf"(?:[{DIGIT}]{{1,2}}(?:m(?![A-Za-z])|か月|ヶ月|ヵ月))?"
)
_SEX = (
    r"男性|女性|男児|女児|男(?![性児子])|女(?![性児子])"
    r"|(?:[MFＭＦ]|[Mm]ale|[Ff]emale|[Bb]oy|[Gg]irl)(?![A-Za-zＡ-Ｚａ-ｚ])"
)
_SEX_AFTER_AGE = re.compile(rf"{_AGE}[)）]?[、,，の・/／ \u3000]{{0,3}}(?P<sex>{_SEX})")


@register
class SexAfterAgeRecognizer(Recognizer):
    name: ClassVar[str] = "sex-after-age"
    categories: ClassVar[tuple[str, ...]] = ("SEX",)

    def find(self, doc: Document) -> list[Candidate]:
        return [Candidate(*m.span("sex"), "SEX", RANK_SUPPLEMENT) for m in _SEX_AFTER_AGE.finditer(doc.text)]
