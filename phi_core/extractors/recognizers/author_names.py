"""Names in a list of authors, each with its affiliation's number: Tomoya Hirabayashi1), Saki Murakami1).

An abstract, a case report or a poster lists its authors as given and family
name with the number of their department glued after the name (``1)``, ``2``,
``¹``, ``*``); the number keeps the Latin-name rules, which want a name to end
where a word ends, off them. Two capitalised words, one of them read as romaji,
then the number and a comma, a semicolon or the end of the line (recall-first).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .romaji_words import is_any_romaji
from .sudachi_names import RANK_SUPPLEMENT

_AUTHOR = re.compile(
    r"(?<![A-Za-z0-9])(?P<name>[A-Z][a-z]+(?:-[a-z]+)? [A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)"
    r"(?:[0-9]{1,2}(?:,[0-9]{1,2})*\)?|[¹²³⁴⁵⁶⁷⁸⁹]+|\*{1,2})(?=[ \t]*(?:[,，、;]|\n|$))"
)


@register
class AuthorNameRecognizer(Recognizer):
    name: ClassVar[str] = "author-name"
    categories: ClassVar[tuple[str, ...]] = ("PHYSICIAN_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        for m in _AUTHOR.finditer(text):
            given, family = m.group("name").split(" ", 1)
            if is_any_romaji(given.replace("-", "").lower()) or is_any_romaji(family.replace("-", "").lower()):
                start, end = m.span("name")
                found.append(Candidate(start, end, "PHYSICIAN_NAME", RANK_SUPPLEMENT))
        return found
