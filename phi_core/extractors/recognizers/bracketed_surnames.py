"""A family name alone in brackets: who did or said it (recall-first).

A note names the person behind an entry by the family name in brackets after it: ``28Fr（宮内）血性``,
``説明済み（本田）。``, ``1号車（山内）``, ``指導者ｺﾒﾝﾄ (林):``. The bracket holds nothing but a family name the
bundled list knows; a point of the compass (（東）, a wing or a side) is no one.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import surnames
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import UNIFIED_KANJI

from .sudachi_names import RANK_SUPPLEMENT

_BRACKETED = re.compile(rf"(?<=[（(])[{UNIFIED_KANJI}々]{{1,3}}(?=[）)])")
_COMPASS = frozenset("東西南北")


@register
class BracketedSurnameRecognizer(Recognizer):
    name: ClassVar[str] = "bracketed-surname"
    categories: ClassVar[tuple[str, ...]] = ("PHYSICIAN_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        known = surnames()
        return [
            Candidate(*m.span(), "PHYSICIAN_NAME", RANK_SUPPLEMENT)
            for m in _BRACKETED.finditer(doc.text)
            if m.group() in known and m.group() not in _COMPASS
        ]
