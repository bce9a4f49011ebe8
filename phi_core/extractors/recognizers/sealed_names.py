"""A family name before the seal mark that signs it: 竹内㊞, 確認 溝口（印）, Ns 宮 坂 ( 印 ).

A ledger's columns of who handed a specimen over and who took it, and a form's signature lines, are filled
in with the family name and a seal (㊞, or 印 in brackets where the seal is printed). The kanji before the mark,
one to four, a blank apart at most and spaced letter by letter on a scanned form, are a person's name when
they open with a family name the surname list or the dictionary knows; staff seal far more pages than
patients do, so the name is read as staff's.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_surname, starts_with_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import UNIFIED_KANJI

from .sudachi_names import RANK_SUPPLEMENT

_KANJI = f"[{UNIFIED_KANJI}々]"
_SEALED = re.compile(
    rf"(?<![{UNIFIED_KANJI}々])(?P<name>{_KANJI}{{1,4}}(?:[ \u3000]{_KANJI}{{1,3}})?|{_KANJI}(?: {_KANJI}){{1,3}})"
    r"[ \u3000]?(?:㊞|[（(][ \u3000]?印[ \u3000]?[)）])"
)


@register
class SealedNameRecognizer(Recognizer):
    name: ClassVar[str] = "sealed-name"
    categories: ClassVar[tuple[str, ...]] = ("PHYSICIAN_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if "㊞" not in text and "印" not in text:
            return []
        found = []
        for m in _SEALED.finditer(text):
            start, end = m.span("name")
            if not _opens_with_surname(_closed(text[start:end])):
                # (a word before the name: 確認 溝口（印）, the name alone after the blank)
                start = max(text.rfind(" ", start, end), text.rfind("\u3000", start, end)) + 1
                if start == m.start("name") or not _opens_with_surname(text[start:end]):
                    continue
            found.append(Candidate(start, end, "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        return found


def _opens_with_surname(name: str) -> bool:
    return bool(starts_with_surname(name)) or any(
        can_be_surname(name[:size]) for size in range(1, min(len(name), 3) + 1)
    )


def _closed(name: str) -> str:
    return name.replace(" ", "").replace("\u3000", "")
