"""Who handed a patient over and who took them, after the handover's own words: ``送り：工藤　受け：根本、Hoang``.

A nursing or theatre handover writes its two sides as ``送り`` and ``受け`` (``受``), each
with a colon, then the staff member: a family name, a whole name, or several
parted by ``、`` or ``/``. A word of its own that ends in those letters
(``申し送り：``, ``見送り：``, ``引き受け：``) is no such label, nor is a unit or a role
before the name (``受け：PACU 遠藤``: the unit is left to the rules that read units), nor a
common word (``受け：調理``). Staff are PHYSICIAN_NAME (recall-first).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KATAKANA_BLOCK_CHARS, UNIFIED_KANJI, is_kanji

from .sudachi_names import RANK_SUPPLEMENT

_LETTERS = f"{UNIFIED_KANJI}{HIRAGANA_LETTERS}{KATAKANA_BLOCK_CHARS}々"
_NAME = rf"[{UNIFIED_KANJI}々]{{1,4}}(?:[ \u3000][{UNIFIED_KANJI}々]{{1,3}})?|[{FULL_WIDTH_KATAKANA}ー]{{2,8}}|[A-Z][a-z]{{1,12}}"
_SIDE = re.compile(
    rf"(?<![{_LETTERS}])(?:送り|受け|受)[ \u3000]?[：:][ \u3000]?(?P<names>(?:{_NAME})(?:[、,，/／・](?:{_NAME}))*)"
    rf"(?![{_LETTERS}A-Za-z])"
)
_PART = re.compile(_NAME)


@register
class HandoverNameRecognizer(Recognizer):
    name: ClassVar[str] = "handover-name"
    categories: ClassVar[tuple[str, ...]] = ("PHYSICIAN_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if "送り" not in text and "受" not in text:
            return []
        found = []
        for m in _SIDE.finditer(text):
            for part in _PART.finditer(text, *m.span("names")):
                family = part.group().split()[0].split("\u3000")[0]
                if family.isascii() or not is_kanji(family[0]) or can_be_surname(family):
                    found.append(Candidate(*part.span(), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        return found
