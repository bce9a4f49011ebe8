"""A police officer or a fire crew member by the family name before the rank (recall-first).

A liaison note names the officer the way the officer gave it, the rank after the
family name and a blank between (``湊署 小島 巡査部長``, ``刑事課 宗像 警部補が来院``).
Glued forms (``木村巡査長``) are read with the other posts (glued_names.py). The word
before the rank must be a whole run of kanji that may be a family name and is no
common word: a unit (``生活安全課 巡査部長``) or a deed (``立会 巡査``) is no one.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import KANJI
from phi_core.japanese.honorifics import OFFICER_RANKS, alternation

from .glued_names import common_word
from .sudachi_names import RANK_SUPPLEMENT

_NAME_BEFORE_RANK = re.compile(
    rf"(?<![{KANJI}])(?P<name>[{KANJI}]{{2,3}})[ \u3000](?:{alternation(OFFICER_RANKS)})(?![{KANJI}])"
)


@register
class OfficerNameRecognizer(Recognizer):
    name: ClassVar[str] = "officer-name"
    categories: ClassVar[tuple[str, ...]] = ("PHYSICIAN_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if not any(rank in text for rank in ("巡査", "警部", "警視", "消防士", "救命士")):
            return []
        found = []
        for m in _NAME_BEFORE_RANK.finditer(text):
            name = m.group("name")
            if can_be_surname(name) and not common_word(name):
                found.append(Candidate(m.start("name"), m.end("name"), "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        return found
