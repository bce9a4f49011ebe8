"""Capitalised Latin words that read as Hepburn romaji: Japanese names written in Latin letters.

"Tanaka", "TAKAHASHI", "Kenji" parse wholly into Hepburn syllables; English
words mostly do not ("Findings", "Liver", "the"). Words of four letters or
more only, and those that also read as English ("Name", "Date", "Edema") are
let through by the clinical allow-list. SudachiDict's Latin person names
("Smith", "Johnson") are found by sudachi-person.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.header_fields import in_header_row
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .person_context import person_category
from .sudachi_names import RANK_SUPPLEMENT

# Strict Hepburn: no si/ti/tu/hu/zi/di/du, no l, q, v, x, c outside "ch".
_SYLLABLE = (
    r"(?:(?:ky|gy|sh|ch|j|ny|hy|by|py|my|ry)[auo]|(?:sh|ch|j)i|tsu|fu|"
    r"[kgnhbpmr][aiueo]|[sz][aueo]|[td][aeo]|y[auo]|w[ao]|[aiueo]|n(?![aiueoy])|"
    r"(?:k(?=k)|s(?=s)|t(?=t|ch)|p(?=p)|h(?=[^aiueo]|$)))"
)
_ROMAJI = re.compile(rf"(?i:{_SYLLABLE})+")
_WORD = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z][a-z]{3,}|[A-Z]{4,})(?![A-Za-z0-9])")


def is_romaji(word: str) -> bool:
    return _ROMAJI.fullmatch(word) is not None


# Kunrei-shiki as logins and e-mail names often write it (asida, huzita, tuda, syouta): si, ti, tu, hu, zi,
# and sy/ty/zy before a vowel.
_KUNREI = re.compile(rf"(?i:(?:[stz]y[auo]|si|ti|tu|hu|zi|{_SYLLABLE}))+")


def is_any_romaji(word: str) -> bool:
    """Hepburn or Kunrei romaji (for logins, where both are written)."""
    return _KUNREI.fullmatch(word) is not None


@register
class RomajiWordRecognizer(Recognizer):
    name: ClassVar[str] = "romaji-word"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME", "PHYSICIAN_NAME")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        for match in _WORD.finditer(text):
            if is_romaji(match.group()):
                start, end = match.span()
                if in_header_row(text, start, end):
                    continue  # SHIMEI, SEIBETSU, MEMO: a header row's column, no one's name
                found.append(Candidate(start, end, person_category(text, start, end), RANK_SUPPLEMENT))
        return found
